package org.newspipeline.enrich.eval;

import org.newspipeline.contract.EnrichedArticle.Entity.Type;
import org.newspipeline.enrich.pipeline.Enricher;
import org.newspipeline.enrich.support.TestEnricher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The same figures as {@link ConllEvaluation} for German, through the service's enricher, on the
 * GermEval 2014 dev split ({@code ../shared/data/germeval2014/NER-de-dev.tsv}, not in the
 * repository), outer level, PER/ORG/LOC; OTH and the {@code deriv}/{@code part} variants are not
 * names of the kind the pipeline extracts and are ignored.
 */
public final class GermEvalEvaluation {

    private GermEvalEvaluation() {
    }

    public static Path file() {
        return SharedData.resolve("germeval2014/NER-de-dev.tsv");
    }

    /** Groups of 20 sentences, and each sentence alone with and without its language stated. */
    public static void main(String[] args) throws IOException {
        if (!Files.isRegularFile(file())) {
            System.err.println("GermEval data not found at " + file().toAbsolutePath() + " (see ../shared/data/README.md)");
            System.exit(2);
        }
        List<ConllEvaluation.Sentence> sentences = read(file(), Integer.MAX_VALUE);
        Enricher enricher = TestEnricher.get();
        print("groups of 20 sentences, one per line", ServicePath.score(enricher, ServicePath.groups(sentences, 20), null));
        print("each sentence alone, language: de stated", ServicePath.score(enricher, ServicePath.oneEach(sentences), "de"));
        print("each sentence alone, language detected", ServicePath.score(enricher, ServicePath.oneEach(sentences), null));
    }

    private static void print(String what, ConllEvaluation.Score score) {
        System.out.printf("GermEval 2014 dev, %s, through the enricher:%n%s%n", what, score);
    }

    /** Sentences of the tab-separated file: "n token outer inner" lines, a "#" line before each sentence. */
    public static List<ConllEvaluation.Sentence> read(Path file, int limit) throws IOException {
        List<ConllEvaluation.Sentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<ConllEvaluation.Span> gold = new ArrayList<>();
        int begin = -1;
        Type open = null;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                if (open != null) {
                    gold.add(new ConllEvaluation.Span(sentences.size(), begin, tokens.size() - 1, open));
                    open = null;
                }
                if (!tokens.isEmpty()) {
                    sentences.add(new ConllEvaluation.Sentence(sentences.size(), sentences.size(), List.copyOf(tokens), List.copyOf(gold)));
                    if (sentences.size() >= limit) {
                        return sentences;
                    }
                }
                tokens.clear();
                gold.clear();
                continue;
            }
            String[] parts = line.split("\t");
            String tag = parts[2];
            if (open != null && !tag.startsWith("I-")) {
                gold.add(new ConllEvaluation.Span(sentences.size(), begin, tokens.size() - 1, open));
                open = null;
            }
            if (tag.startsWith("B-")) {
                open = switch (tag.substring(2)) {
                    case "PER" -> Type.PERSON;
                    case "ORG" -> Type.ORGANIZATION;
                    case "LOC" -> Type.LOCATION;
                    default -> null;
                };
                begin = tokens.size();
            }
            tokens.add(parts[1]);
        }
        if (!tokens.isEmpty() && sentences.size() < limit) {
            if (open != null) {
                gold.add(new ConllEvaluation.Span(sentences.size(), begin, tokens.size() - 1, open));
            }
            sentences.add(new ConllEvaluation.Sentence(sentences.size(), sentences.size(), List.copyOf(tokens), List.copyOf(gold)));
        }
        return sentences;
    }
}
