package org.newspipeline.enrich.eval;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.newspipeline.enrich.support.TestEnricher;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A guard on the German figure through the enricher, groups of 20 sentences; the full figures come from GermEvalEvaluation. */
class GermEvalAccuracyTest {

    @Test
    void groups_of_sentences_through_the_enricher_score_f1_of_at_least_0_78() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(GermEvalEvaluation.file()),
                "skipped: ../shared/data/germeval2014 is not beside this clone");
        var groups = ServicePath.groups(GermEvalEvaluation.read(GermEvalEvaluation.file(), Integer.MAX_VALUE), 20);

        ConllEvaluation.Score score = ServicePath.score(TestEnricher.get(), groups, null);

        System.out.println("GermEval 2014 dev, groups of 20:\n" + score);
        assertTrue(score.f1() >= 0.78, score.toString());
    }
}
