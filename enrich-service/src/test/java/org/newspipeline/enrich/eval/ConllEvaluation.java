package org.newspipeline.enrich.eval;

import org.newspipeline.contract.EnrichedArticle.Entity.Type;
import org.newspipeline.enrich.entity.EntityCatalog;
import org.newspipeline.enrich.entity.EntityRecognizer;
import org.newspipeline.enrich.entity.EntityResolver;
import org.newspipeline.enrich.entity.LanguageRecognizers;
import org.newspipeline.enrich.entity.RecognizedMention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entity-level precision, recall and F1 (exact span and type; PER, ORG, LOC; MISC ignored) of the
 * service's recognizer and mention filter on the CoNLL-2003 English dev split, read from
 * {@code ../shared/data/conll2003/eng.testa.iobes} (not in the repository).
 */
public final class ConllEvaluation {

    /** A gold or predicted entity: sentence, first and last token (inclusive), type. */
    record Span(int sentence, int first, int last, Type type) {
    }

    record Sentence(List<String> tokens, List<Span> gold) {
    }

    /** True positives, predictions and gold entities per type. */
    public static final class Score {
        final Map<Type, int[]> counts = new EnumMap<>(Type.class);

        void add(Type t, int tp, int predicted, int gold) {
            int[] c = counts.computeIfAbsent(t, k -> new int[3]);
            c[0] += tp;
            c[1] += predicted;
            c[2] += gold;
        }

        public double f1() {
            int[] all = new int[3];
            counts.values().forEach(c -> {
                for (int i = 0; i < 3; i++) {
                    all[i] += c[i];
                }
            });
            return f1(all);
        }

        static double f1(int[] c) {
            double p = c[1] == 0 ? 0 : (double) c[0] / c[1];
            double r = c[2] == 0 ? 0 : (double) c[0] / c[2];
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            int[] all = new int[3];
            counts.forEach((t, c) -> {
                sb.append(String.format("  %-13s P %.3f  R %.3f  F1 %.3f  (%d gold)%n", t, (double) c[0] / Math.max(1, c[1]),
                        (double) c[0] / Math.max(1, c[2]), f1(c), c[2]));
                for (int i = 0; i < 3; i++) {
                    all[i] += c[i];
                }
            });
            sb.append(String.format("  %-13s P %.3f  R %.3f  F1 %.3f  (%d gold)", "overall", (double) all[0] / Math.max(1, all[1]),
                    (double) all[0] / Math.max(1, all[2]), f1(all), all[2]));
            return sb.toString();
        }
    }

    private ConllEvaluation() {
    }

    public static Path file() {
        return SharedData.resolve("conll2003/eng.testa.iobes");
    }

    /** The English recognizer as the service builds it: the CRF with the bundled catalog. */
    public static EntityRecognizer serviceRecognizer() {
        return LanguageRecognizers.all(() -> EntityCatalog.load(java.util.Optional.empty())).forLanguage("en").orElseThrow();
    }

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : file();
        if (!Files.isRegularFile(file)) {
            System.err.println("CoNLL data not found at " + file.toAbsolutePath() + " (see ../shared/data/README.md)");
            System.exit(2);
        }
        List<Sentence> sentences = read(file, Integer.MAX_VALUE);
        long start = System.nanoTime();
        Score score = score(serviceRecognizer(), sentences);
        System.out.printf("CoNLL-2003 dev (eng.testa), %d sentences, %.1f s:%n%s%n", sentences.size(),
                (System.nanoTime() - start) / 1e9, score);
    }

    public static Score score(EntityRecognizer recognizer, List<Sentence> sentences) {
        Score score = new Score();
        for (int s = 0; s < sentences.size(); s++) {
            Sentence sentence = sentences.get(s);
            String text = String.join(" ", sentence.tokens());
            int[] starts = new int[sentence.tokens().size()];
            int offset = 0;
            for (int i = 0; i < starts.length; i++) {
                starts[i] = offset;
                offset += sentence.tokens().get(i).length() + 1;
            }
            Set<Span> predicted = new HashSet<>();
            for (RecognizedMention m : recognizer.recognize(text)) {
                if (!EntityResolver.admissible(m)) {
                    continue;
                }
                predicted.add(new Span(s, tokenAt(starts, m.start()), tokenAt(starts, m.end() - 1), m.type()));
            }
            for (Type t : Type.values()) {
                long tp = predicted.stream().filter(p -> p.type() == t && sentence.gold().contains(p)).count();
                score.add(t, (int) tp, (int) predicted.stream().filter(p -> p.type() == t).count(),
                        (int) sentence.gold().stream().filter(g -> g.type() == t).count());
            }
        }
        return score;
    }

    /**
     * The gold token holding a character: a predicted span is projected onto the gold tokens it
     * touches, as usual when a system tokenizes for itself ("DFB." is one gold token, two of ours).
     */
    private static int tokenAt(int[] starts, int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** Sentences of an IOBES file: "token TAG" lines, blank lines between sentences. */
    public static List<Sentence> read(Path file, int limit) throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<Span> gold = new ArrayList<>();
        int begin = -1;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("-DOCSTART-")) {
                if (!tokens.isEmpty()) {
                    sentences.add(new Sentence(List.copyOf(tokens), List.copyOf(gold)));
                    if (sentences.size() >= limit) {
                        break;
                    }
                }
                tokens.clear();
                gold.clear();
                continue;
            }
            String[] parts = line.split(" ");
            String tag = parts[parts.length - 1];
            int i = tokens.size();
            tokens.add(parts[0]);
            Type type = switch (tag.length() > 2 ? tag.substring(2) : "") {
                case "PER" -> Type.PERSON;
                case "ORG" -> Type.ORGANIZATION;
                case "LOC" -> Type.LOCATION;
                default -> null;
            };
            if (tag.startsWith("S-") && type != null) {
                gold.add(new Span(sentences.size(), i, i, type));
            } else if (tag.startsWith("B-")) {
                begin = i;
            } else if (tag.startsWith("E-") && type != null) {
                gold.add(new Span(sentences.size(), begin, i, type));
            }
        }
        if (!tokens.isEmpty() && sentences.size() < limit) {
            sentences.add(new Sentence(List.copyOf(tokens), List.copyOf(gold)));
        }
        return sentences;
    }
}
