package org.newspipeline.enrich.entity;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Capitalised spans a recognizer takes for names that name nothing: common nouns capitalised by
 * convention ("member States", "the Member States of the Organization"), numbered parts of a text
 * ("Chapter VIII", "Article 51"), and the code names of exercises and operations with their
 * translations ("exercise Nerushimoye Bratstvo 2020 [Indestructible Brotherhood]").
 */
final class NotNames {

    /** Nouns that refer to some body or country without naming one. */
    private static final Set<String> GENERIC = Set.of("state", "states", "member", "members", "organization",
            "organisation", "organizations", "organisations", "party", "parties", "government", "governments",
            "country", "countries", "nation", "nations", "side", "sides", "delegation", "delegations", "participant",
            "participants", "signatory", "signatories");
    private static final Set<String> GLUE = Set.of("of", "the", "and", "its", "their", "our");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private static final Pattern NUMBERED_PART = Pattern.compile(
            "(?:Chapter|Article|Section|Paragraph|Part|Annex|Clause|Protocol|Resolution)\\s+(?:[IVXLCDM]+|\\d+[a-z]?)");

    /** What may come between an event noun and the code name: quotes, and for a translation, the name and a year. */
    private static final Pattern AFTER_EVENT_NOUN = Pattern.compile(
            "\\b(?i:exercises?|drills?|operation|manoeuvres|maneuvers|war\\s?games)\\s+[\"“«']?"
                    + "(?:[\\p{Lu}][\\p{L}-]*(?:\\s+[\\p{Lu}][\\p{L}-]*){0,4}\\s*(?:\\d{4})?[\"”»']?\\s*[\\[(])?$");
    /** How far back an event noun may be found: a code name and its year. */
    private static final int WINDOW = 100;

    private NotNames() {
    }

    /** "States", "Member States of the Organization": every word generic or glue. */
    static boolean isGeneric(String text) {
        var words = WORD.matcher(text);
        boolean any = false;
        while (words.find()) {
            String w = words.group().toLowerCase(Locale.ROOT);
            if (!GENERIC.contains(w) && !GLUE.contains(w)) {
                return false;
            }
            any |= GENERIC.contains(w);
        }
        return any;
    }

    static boolean isNumberedPart(String text) {
        return NUMBERED_PART.matcher(text).matches();
    }

    /** Right after "exercise", "operation" or the like, or bracketed right after such a code name. */
    static boolean namesAnEvent(String body, RecognizedMention m) {
        int from = Math.max(0, m.start() - WINDOW);
        return AFTER_EVENT_NOUN.matcher(body.substring(from, m.start())).find();
    }
}
