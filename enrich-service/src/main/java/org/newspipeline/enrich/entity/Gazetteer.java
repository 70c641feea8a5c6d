package org.newspipeline.enrich.entity;

import org.newspipeline.contract.EnrichedArticle.Entity.Type;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog's names found as written ("United Nations Security Council", "CSTO"): a word-by-word
 * match, longest name first, case-sensitive so that "us" is not "US". Costs one map lookup per word
 * of the text, whatever the size of the catalog.
 */
public final class Gazetteer {

    /** Abbreviations keep their dots ("U.S."), other words end on a letter or digit. */
    private static final Pattern WORD = Pattern.compile(
            "(?:\\p{Lu}\\.){2,}|[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");

    private record Name(List<String> words, Type type) {
    }

    private record Word(String text, int start, int end) {
    }

    /** Names by their first word, longest first. */
    private final Map<String, List<Name>> byFirstWord = new HashMap<>();

    Gazetteer(List<EntityCatalog.Known> entities) {
        for (EntityCatalog.Known known : entities) {
            add(known.name(), known.type());
            known.aliases().forEach(alias -> add(alias, known.type()));
        }
        byFirstWord.values().forEach(names -> names.sort(Comparator.comparingInt((Name n) -> n.words().size()).reversed()));
    }

    private void add(String name, Type type) {
        List<String> words = words(name).stream().map(Word::text).toList();
        // One lower-case word ("north") is a common word more often than a name.
        if (words.isEmpty() || words.size() == 1 && !Character.isUpperCase(words.get(0).codePointAt(0))) {
            return;
        }
        List<Name> names = byFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>());
        if (names.stream().noneMatch(n -> n.words().equals(words))) {
            names.add(new Name(words, type));
        }
    }

    public List<RecognizedMention> find(String text) {
        List<Word> words = words(text);
        List<RecognizedMention> found = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            List<Name> candidates = byFirstWord.get(words.get(i).text());
            if (candidates == null) {
                continue;
            }
            for (Name name : candidates) {
                if (matchesAt(words, i, name.words(), text)) {
                    Word last = words.get(i + name.words().size() - 1);
                    int start = words.get(i).start();
                    found.add(new RecognizedMention(start, last.end(), text.substring(start, last.end()), name.type()));
                    i += name.words().size() - 1;
                    break;
                }
            }
        }
        return found;
    }

    /** The name's words at {@code i}, with nothing but spaces between them (a name never spans a line). */
    private static boolean matchesAt(List<Word> words, int i, List<String> name, String text) {
        if (i + name.size() > words.size()) {
            return false;
        }
        for (int k = 0; k < name.size(); k++) {
            if (!words.get(i + k).text().equals(name.get(k))) {
                return false;
            }
            if (k > 0 && !text.substring(words.get(i + k - 1).end(), words.get(i + k).start()).equals(" ")) {
                return false;
            }
        }
        return true;
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new Word(m.group(), m.start(), m.end()));
        }
        return words;
    }
}
