package org.newspipeline.enrich.eval;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A guard on the German recognizer over the whole GermEval 2014 dev split (about 10 s). */
class GermEvalAccuracyTest {

    @Test
    void german_recognizer_scores_f1_of_at_least_0_78_on_germeval_dev() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(GermEvalEvaluation.file()),
                "skipped: ../shared/data/germeval2014 is not beside this clone");
        var sentences = GermEvalEvaluation.read(GermEvalEvaluation.file(), Integer.MAX_VALUE);

        ConllEvaluation.Score score = ConllEvaluation.score(GermEvalEvaluation.serviceRecognizer(), sentences);

        System.out.println(score);
        assertTrue(score.f1() >= 0.78, score.toString());
    }
}
