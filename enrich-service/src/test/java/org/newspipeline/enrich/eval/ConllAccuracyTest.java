package org.newspipeline.enrich.eval;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A guard on the first 1,000 dev sentences; the full figures come from ConllEvaluation. */
class ConllAccuracyTest {

    @Test
    void recognizer_scores_f1_of_at_least_0_93_on_conll_dev_sentences() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(ConllEvaluation.file()),
                "skipped: ../shared/data/conll2003 is not beside this clone");
        var sentences = ConllEvaluation.read(ConllEvaluation.file(), 1000);

        ConllEvaluation.Score score = ConllEvaluation.score(ConllEvaluation.serviceRecognizer(), sentences);

        System.out.println(score);
        assertTrue(score.f1() >= 0.93, score.toString());
    }
}
