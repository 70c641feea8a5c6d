package org.newspipeline.enrich.eval;

import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.enrich.pipeline.Enricher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores entities the way the service finds them: each article goes whole through the enricher
 * that the consumer and {@code POST /enrichments} use (layout, language choice, headline rule,
 * catalog, bounds), one sentence per line as wire copy arrives, and what it returns is compared
 * with the gold spans. Mentions are offsets in the clean body, which loses the title line and a
 * dateline: they are mapped back to the article's lines, so a name the service drops is missed.
 */
final class ServicePath {

    private ServicePath() {
    }

    /** @param language stated with every article (as a feed or a caller states it), or null to let the service detect it */
    static ConllEvaluation.Score score(Enricher enricher, List<List<ConllEvaluation.Sentence>> articles, String language) {
        ConllEvaluation.Score score = new ConllEvaluation.Score();
        for (List<ConllEvaluation.Sentence> article : articles) {
            Article a = new Article(article);
            EnrichedArticle enriched = enricher.enrich(new RawArticle(RawArticle.SCHEMA_VERSION, "eval", "http", Instant.now(),
                    null, null, a.text, null, null, null, language, null, List.of()));
            Set<ConllEvaluation.Span> predicted = new HashSet<>();
            int[] bodyToText = a.bodyOffsets(enriched.body());
            for (EnrichedArticle.Entity e : enriched.entities()) {
                for (EnrichedArticle.Mention m : e.mentions()) {
                    predicted.add(a.span(bodyToText[m.start()], bodyToText[m.end() - 1], e.type()));
                }
            }
            List<ConllEvaluation.Span> gold = article.stream().flatMap(s -> s.gold().stream()).toList();
            for (EnrichedArticle.Entity.Type t : EnrichedArticle.Entity.Type.values()) {
                long tp = predicted.stream().filter(p -> p.type() == t && gold.contains(p)).count();
                score.add(t, (int) tp, (int) predicted.stream().filter(p -> p.type() == t).count(),
                        (int) gold.stream().filter(g -> g.type() == t).count());
            }
        }
        return score;
    }

    /** Each sentence an article of its own. */
    static List<List<ConllEvaluation.Sentence>> oneEach(List<ConllEvaluation.Sentence> sentences) {
        return sentences.stream().map(List::of).toList();
    }

    /** Consecutive sentences, {@code size} to an article. */
    static List<List<ConllEvaluation.Sentence>> groups(List<ConllEvaluation.Sentence> sentences, int size) {
        List<List<ConllEvaluation.Sentence>> groups = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i += size) {
            groups.add(sentences.subList(i, Math.min(sentences.size(), i + size)));
        }
        return groups;
    }

    /** An article's text, one sentence a line, and where each line and token starts. */
    private static final class Article {
        final List<ConllEvaluation.Sentence> sentences;
        final String text;
        final int[] lineStarts;
        final int[][] tokenStarts;

        Article(List<ConllEvaluation.Sentence> sentences) {
            this.sentences = sentences;
            StringBuilder text = new StringBuilder();
            lineStarts = new int[sentences.size()];
            tokenStarts = new int[sentences.size()][];
            for (int s = 0; s < sentences.size(); s++) {
                lineStarts[s] = text.length();
                List<String> tokens = sentences.get(s).tokens();
                tokenStarts[s] = new int[tokens.size()];
                for (int t = 0; t < tokens.size(); t++) {
                    tokenStarts[s][t] = text.length();
                    text.append(tokens.get(t)).append(t + 1 < tokens.size() ? " " : "\n");
                }
            }
            this.text = text.toString();
        }

        /** For each offset of the body, the offset in the text: each body line is the end of one text line, in order. */
        int[] bodyOffsets(String body) {
            int[] map = new int[body.length() + 1];
            String[] textLines = text.split("\n", -1);
            int line = 0;
            int lineStart = 0;
            int at = 0;
            for (String bodyLine : body.split("\n", -1)) {
                while (!bodyLine.isEmpty() && line < textLines.length && !textLines[line].endsWith(bodyLine)) {
                    lineStart += textLines[line].length() + 1;
                    line++;
                }
                if (!bodyLine.isEmpty() && line < textLines.length) {
                    int shift = lineStart + textLines[line].length() - bodyLine.length();
                    for (int i = 0; i < bodyLine.length(); i++) {
                        map[at + i] = shift + i;
                    }
                    lineStart += textLines[line].length() + 1;
                    line++;
                }
                at += bodyLine.length() + 1;
            }
            return map;
        }

        /** The gold tokens a mention touches, as usual when a system tokenizes for itself. */
        ConllEvaluation.Span span(int first, int last, EnrichedArticle.Entity.Type type) {
            int s = index(lineStarts, first);
            int sLast = index(lineStarts, last);
            int sentence = sentences.get(s).index();
            if (s != sLast) {
                return new ConllEvaluation.Span(sentence, -1, -1, type); // across lines: never a gold span
            }
            return new ConllEvaluation.Span(sentence, index(tokenStarts[s], first), index(tokenStarts[s], last), type);
        }

        private static int index(int[] starts, int offset) {
            int i = Arrays.binarySearch(starts, offset);
            return i >= 0 ? i : -i - 2;
        }
    }
}
