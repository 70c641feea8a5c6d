package org.newspipeline.query.search;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Snippets of a page of results. PostgreSQL's ts_headline re-parses every text it is given
 * (most of a 100-item page's time); here a word matches when it reduces to a
 * lexeme of the query the way the 'english' configuration indexes it: unaccented, lower-cased and
 * Snowball-stemmed, numbers as they are. Not thread-safe: one per request.
 */
final class Highlighter {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int FRAGMENTS = 2;
    private static final int FRAGMENT_WORDS = 20;
    /** Words shown before the first match of a fragment. */
    private static final int LEAD_WORDS = 5;

    /** Words {@code from} (inclusive) to {@code to} (exclusive), with how many matches they hold. */
    private record Fragment(int from, int to, int matches) {
    }

    private final Set<String> lexemes;
    private final SnowballStemmer stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH);

    /** @param tsquery the parsed query as text, e.g. {@code 'oil' <-> 'price' & !'iran'} */
    Highlighter(String tsquery) {
        this.lexemes = positiveLexemes(tsquery == null ? "" : tsquery);
    }

    /** The lexemes the query asks for; those under a NOT ({@code !'x'}, {@code !( 'a' <-> 'b' )}) are never marked. */
    static Set<String> positiveLexemes(String tree) {
        Set<String> found = new HashSet<>();
        Deque<Boolean> negated = new ArrayDeque<>();
        boolean not = false;
        for (int i = 0; i < tree.length(); i++) {
            char c = tree.charAt(i);
            if (c == '!') {
                not = true;
            } else if (c == '(') {
                negated.push(not || Boolean.TRUE.equals(negated.peek()));
                not = false;
            } else if (c == ')') {
                negated.poll();
            } else if (c == '\'') {
                StringBuilder lexeme = new StringBuilder();
                for (i++; i < tree.length(); i++) {
                    if (tree.charAt(i) == '\'' && i + 1 < tree.length() && tree.charAt(i + 1) == '\'') {
                        lexeme.append('\'');
                        i++;
                    } else if (tree.charAt(i) == '\'') {
                        break;
                    } else {
                        lexeme.append(tree.charAt(i));
                    }
                }
                if (!not && !Boolean.TRUE.equals(negated.peek())) {
                    found.add(lexeme.toString());
                }
                not = false;
            }
        }
        return found;
    }

    /**
     * Up to two fragments of the text around its matches, best first chosen and shown in text order,
     * as HTML with matches in {@code <mark>}; the text's first words when nothing matches.
     */
    String snippetHtml(String text) {
        if (text == null) {
            return null;
        }
        List<int[]> words = new ArrayList<>();
        List<Integer> hits = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (lexemes.contains(lexeme(m.group()))) {
                hits.add(words.size());
            }
            words.add(new int[]{m.start(), m.end()});
        }
        if (words.isEmpty()) {
            return "";
        }
        if (hits.isEmpty()) {
            return render(text, words, 0, Math.min(words.size(), FRAGMENT_WORDS), Set.of(), new StringBuilder()).toString();
        }
        List<Fragment> candidates = new ArrayList<>();
        for (int hit : hits) {
            int from = Math.max(0, hit - LEAD_WORDS);
            int to = Math.min(words.size(), from + FRAGMENT_WORDS);
            candidates.add(new Fragment(from, to, (int) hits.stream().filter(h -> h >= from && h < to).count()));
        }
        candidates.sort(Comparator.comparingInt(Fragment::matches).reversed().thenComparingInt(Fragment::from));
        List<Fragment> chosen = new ArrayList<>();
        for (Fragment f : candidates) {
            if (chosen.size() < FRAGMENTS && chosen.stream().noneMatch(o -> f.from() < o.to() && o.from() < f.to())) {
                chosen.add(f);
            }
        }
        chosen.sort(Comparator.comparingInt(Fragment::from));
        Set<Integer> marked = Set.copyOf(hits);
        StringBuilder html = new StringBuilder();
        for (Fragment f : chosen) {
            html.append(html.isEmpty() ? "" : " … ");
            render(text, words, f.from(), f.to(), marked, html);
        }
        return html.toString();
    }

    private static StringBuilder render(String text, List<int[]> words, int from, int to, Set<Integer> marked, StringBuilder html) {
        int at = words.get(from)[0];
        for (int w = from; w < to; w++) {
            int[] word = words.get(w);
            Snippets.escape(text, at, word[0], html);
            if (marked.contains(w)) {
                Snippets.escape(text, word[0], word[1], html.append("<mark>")).append("</mark>");
            } else {
                Snippets.escape(text, word[0], word[1], html);
            }
            at = word[1];
        }
        return html;
    }

    private String lexeme(String word) {
        String plain = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        return plain.chars().anyMatch(Character::isDigit) ? plain : stemmer.stem(plain).toString();
    }
}
