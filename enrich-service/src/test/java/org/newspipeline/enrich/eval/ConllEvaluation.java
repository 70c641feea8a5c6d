package org.newspipeline.enrich.eval;

import org.newspipeline.contract.EnrichedArticle.Entity.Type;
import org.newspipeline.enrich.pipeline.Enricher;
import org.newspipeline.enrich.support.TestEnricher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Entity-level precision, recall and F1 (exact span and type; PER, ORG, LOC; MISC ignored) of the
 * service's entities on the CoNLL-2003 English dev split, read from
 * {@code ../shared/data/conll2003/eng.testa.iobes} (not in the repository): each document an article
 * through the enricher, one sentence per line ({@link ServicePath}), and each sentence on its own.
 */
public final class ConllEvaluation {

    /** A gold or predicted entity: sentence, first and last token (inclusive), type. */
    record Span(int sentence, int first, int last, Type type) {
    }

    /**
     * @param index    the sentence's place in its file, as its gold spans give it
     * @param document the article it belongs to
     */
    record Sentence(int index, int document, List<String> tokens, List<Span> gold) {
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
            sb.append(String.format("  %-13s P %.4f  R %.4f  F1 %.4f  (%d gold)", "overall", (double) all[0] / Math.max(1, all[1]),
                    (double) all[0] / Math.max(1, all[2]), f1(all), all[2]));
            return sb.toString();
        }
    }

    private ConllEvaluation() {
    }

    public static Path file() {
        return SharedData.resolve("conll2003/eng.testa.iobes");
    }

    /** Whole documents and sentence by sentence, as articles through the service's enricher. */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : file();
        if (!Files.isRegularFile(file)) {
            System.err.println("CoNLL data not found at " + file.toAbsolutePath() + " (see ../shared/data/README.md)");
            System.exit(2);
        }
        List<Sentence> sentences = read(file, Integer.MAX_VALUE);
        Enricher enricher = TestEnricher.get();
        List<List<Sentence>> documents = documents(sentences);
        long start = System.nanoTime();
        Score whole = ServicePath.score(enricher, documents, null);
        System.out.printf("CoNLL-2003 dev (eng.testa), %d documents, one sentence per line, through the enricher, %.1f s:%n%s%n",
                documents.size(), (System.nanoTime() - start) / 1e9, whole);
        start = System.nanoTime();
        Score each = ServicePath.score(enricher, ServicePath.oneEach(sentences), null);
        System.out.printf("CoNLL-2003 dev, %d sentences, each an article, through the enricher, %.1f s:%n%s%n",
                sentences.size(), (System.nanoTime() - start) / 1e9, each);
    }

    /** The sentences of each {@code -DOCSTART-} document, in order. */
    static List<List<Sentence>> documents(List<Sentence> sentences) {
        List<List<Sentence>> documents = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= sentences.size(); i++) {
            if (i == sentences.size() || sentences.get(i).document() != sentences.get(from).document()) {
                documents.add(sentences.subList(from, i));
                from = i;
            }
        }
        return documents;
    }

    /** Sentences of an IOBES file: "token TAG" lines, blank lines between sentences. */
    public static List<Sentence> read(Path file, int limit) throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<Span> gold = new ArrayList<>();
        int begin = -1;
        int document = 0;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("-DOCSTART-")) {
                if (!tokens.isEmpty()) {
                    sentences.add(new Sentence(sentences.size(), document, List.copyOf(tokens), List.copyOf(gold)));
                    if (sentences.size() >= limit) {
                        break;
                    }
                }
                tokens.clear();
                gold.clear();
                document += line.startsWith("-DOCSTART-") ? 1 : 0;
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
            sentences.add(new Sentence(sentences.size(), document, List.copyOf(tokens), List.copyOf(gold)));
        }
        return sentences;
    }
}
