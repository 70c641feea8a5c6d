package org.newspipeline.enrich.entity;

import org.newspipeline.contract.EnrichedArticle.Entity;
import org.newspipeline.contract.EnrichedArticle.Entity.Type;
import org.newspipeline.contract.EnrichedArticle.Mention;
import org.newspipeline.enrich.text.Furniture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns recognized mentions into canonical entities: one per person, organization or place, with
 * every name it went by. Merges, in order: the catalog (aliases, countries, first-name spellings),
 * acronyms the text defines ("... Organization (CSTO)"), then within the article an acronym or a
 * shorter name into the one full name it stands for ("Lavrov" after "Sergei Lavrov", "NATO",
 * "Treaty Organization", "Collective Security Treaty").
 */
public final class EntityResolver {

    /** Never entities, whatever the recognizer says (besides page furniture, see {@link Furniture}). */
    private static final Set<String> NEVER = Set.of(
            "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "our", "mr", "mrs", "ms",
            "reuter", "photo", "h.e", "council", "organization", "organisation", "secretariat");
    // At most 12 words before the acronym: an unbounded repeat recurses once per word, and a long
    // run of capitalised words overflowed the stack. Words start after a non-letter and are at most
    // 64 letters (no name's word is longer): a very long capitalised word made every letter a start
    // that read to the word's end and back, quadratic in the word.
    private static final Pattern ACRONYM_DEFINITION = Pattern.compile(
            "(?<!\\p{L})(\\p{Lu}[\\p{L}-]{1,63}(?: (?:of|and|for|the|on|in|\\p{Lu}[\\p{L}-]{1,63})){1,12}) \\((\\p{Lu}[\\p{Lu}\\d]{1,7})\\)");
    private static final Set<String> MINOR_WORDS = Set.of("of", "and", "for", "the", "on", "in");

    private final Supplier<EntityCatalog> catalogs;

    public EntityResolver(EntityCatalog catalog) {
        this(() -> catalog);
    }

    /** @param catalogs the catalog as it stands now (corrections arrive while the service runs) */
    public EntityResolver(Supplier<EntityCatalog> catalogs) {
        this.catalogs = catalogs;
    }

    /** No name runs longer; a span that does is a run of capitalised words, not an entity. */
    static final int LONGEST_NAME = 200;

    /**
     * Whether a recognized span can be an entity at all (pronouns, page furniture, lower-case words
     * and endless spans cannot).
     */
    public static boolean admissible(RecognizedMention m) {
        String t = m.text().strip();
        return t.length() >= 2 && t.length() <= LONGEST_NAME && Character.isUpperCase(t.codePointAt(0))
                && !NEVER.contains(EntityCatalog.key(t)) && !Furniture.isFurniture(t) && !NotNames.isGeneric(t)
                && !NotNames.isNumberedPart(t);
    }

    /**
     * @param language the language whose model read the body: only English headlines are set in
     *                 title case (German capitalises every noun, so a German sentence looks like one)
     */
    public List<Entity> resolve(String body, List<RecognizedMention> recognized, String language) {
        Map<String, String> definedAcronyms = definedAcronyms(body);
        Map<String, MentionGroup> groups = new LinkedHashMap<>();
        EntityCatalog catalog = catalogs.get();
        List<RecognizedMention> mentions = "en".equals(language)
                ? TitleCaseLines.drop(body, recognized, name -> catalog.byAlias(name).isPresent()) : recognized;
        for (RecognizedMention m : mentions) {
            if (!admissible(m) || catalog.isBlocked(m.text().strip(), m.type())
                    || NotNames.namesAnEvent(body, m) && catalog.byAlias(m.text()).isEmpty()) {
                continue;
            }
            MentionGroup g = canonical(m.text().strip(), m.type(), definedAcronyms);
            groups.merge(g.id(), g, MentionGroup::withAliasesOf).mentions.add(m);
        }
        mergeShortFormsIntoFullNames(groups);
        int total = groups.values().stream().mapToInt(g -> g.mentions.size()).sum();
        List<Entity> entities = new ArrayList<>();
        for (MentionGroup g : groups.values()) {
            Set<String> aliases = new LinkedHashSet<>(g.aliases);
            g.mentions.forEach(m -> aliases.add(m.text().strip()));
            aliases.remove(g.name);
            int first = g.mentions.stream().mapToInt(RecognizedMention::start).min().orElse(0);
            double salience = (double) g.mentions.size() / total + (first < body.length() / 5 ? 0.1 : 0);
            entities.add(new Entity(g.name, g.type, List.copyOf(aliases), g.countryCode,
                    g.mentions.stream().map(m -> new Mention(m.start(), m.end(), m.text())).toList(),
                    Math.round(Math.min(1, salience) * 1000) / 1000.0));
        }
        entities.sort((a, b) -> Double.compare(b.salience(), a.salience()));
        return entities;
    }

    private MentionGroup canonical(String text, Type type, Map<String, String> definedAcronyms) {
        EntityCatalog catalog = catalogs.get();
        String name = type == Type.PERSON ? catalog.withCanonicalFirstName(text) : text;
        var known = catalog.byAlias(name).or(() -> catalog.byAlias(text))
                // Organizations and places are often confused by the recognizer, a person for a place rarely.
                .filter(k -> type != Type.PERSON || k.type() == Type.PERSON);
        if (known.isEmpty() && definedAcronyms.containsKey(text)) {
            String expansion = definedAcronyms.get(text);
            return catalog.byAlias(expansion)
                    .map(k -> new MentionGroup(k.name(), k.type(), k.countryCode(), k.aliases(), true))
                    .orElseGet(() -> new MentionGroup(expansion, Type.ORGANIZATION, null, List.of(text), false));
        }
        return known.map(k -> new MentionGroup(k.name(), k.type(), k.countryCode(), k.aliases(), true))
                .orElseGet(() -> new MentionGroup(name, type, null, List.of(), false));
    }

    /** "Collective Security Treaty Organization (CSTO)" defines CSTO. */
    static Map<String, String> definedAcronyms(String body) {
        Map<String, String> acronyms = new LinkedHashMap<>();
        Matcher m = ACRONYM_DEFINITION.matcher(body);
        while (m.find()) {
            String acronym = m.group(2);
            String words = m.group(1);
            // Keep the trailing words whose initials spell the acronym: "learned from Secretary ... (CSTO)".
            String[] parts = words.split(" ");
            for (int from = 0; from < parts.length; from++) {
                if (MINOR_WORDS.contains(parts[from])) {
                    continue; // a name starts on a capital: not "of the Collective Security Treaty Organization"
                }
                String candidate = String.join(" ", Arrays.copyOfRange(parts, from, parts.length));
                if (initials(candidate).equals(acronym)) {
                    acronyms.putIfAbsent(acronym, candidate);
                    break;
                }
            }
        }
        return acronyms;
    }

    private static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (String w : name.split("[ -]")) {
            if (!w.isEmpty() && !MINOR_WORDS.contains(w.toLowerCase())) {
                sb.append(Character.toUpperCase(w.charAt(0)));
            }
        }
        return sb.toString();
    }

    /**
     * Within one article: a one-word person name into the one full name ending with it; an
     * organization acronym into the one organization it abbreviates; a shorter organization name
     * into the one longer name it ends ("Treaty Organization").
     */
    private static void mergeShortFormsIntoFullNames(Map<String, MentionGroup> groups) {
        for (MentionGroup shortForm : List.copyOf(groups.values())) {
            if (shortForm.known) {
                continue; // a catalog entity is already canonical, never a short form of something else
            }
            List<MentionGroup> targets = groups.values().stream()
                    .filter(full -> full != shortForm && full.type == shortForm.type && abbreviates(shortForm.name, full.name, full.type))
                    .toList();
            if (targets.size() == 1) {
                MentionGroup full = targets.get(0);
                full.mentions.addAll(shortForm.mentions);
                full.aliases.add(shortForm.name);
                groups.remove(shortForm.id());
            }
        }
    }

    private static boolean abbreviates(String shortName, String fullName, Type type) {
        if (shortName.length() >= fullName.length()) {
            return false;
        }
        return switch (type) {
            case PERSON -> !shortName.contains(" ") && (fullName.endsWith(" " + shortName) || fullName.startsWith(shortName + " "));
            case ORGANIZATION -> shortName.equals(initials(fullName)) && shortName.length() >= 2
                    || shortName.contains(" ") && (fullName.endsWith(" " + shortName) || fullName.startsWith(shortName + " "));
            case LOCATION -> false;
        };
    }

    /** Mentions of one canonical entity as they are collected. */
    private static final class MentionGroup {
        final String name;
        final Type type;
        final String countryCode;
        final Set<String> aliases;
        final boolean known;
        final List<RecognizedMention> mentions = new ArrayList<>();

        MentionGroup(String name, Type type, String countryCode, List<String> aliases, boolean known) {
            this.name = name;
            this.type = type;
            this.countryCode = countryCode;
            this.aliases = new LinkedHashSet<>(aliases);
            this.known = known;
        }

        String id() {
            return type + ":" + name;
        }

        /** The same entity seen again under another name: keeps this one, with the other's aliases too. */
        MentionGroup withAliasesOf(MentionGroup other) {
            aliases.addAll(other.aliases);
            return this;
        }
    }
}
