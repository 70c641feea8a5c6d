package org.newspipeline.enrich.eval;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.newspipeline.enrich.support.TestEnricher;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A guard on the document-level figure through the enricher; the full figures come from ConllEvaluation. */
class ConllAccuracyTest {

    @Test
    void whole_documents_through_the_enricher_score_f1_of_at_least_0_93() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(ConllEvaluation.file()),
                "skipped: ../shared/data/conll2003 is not beside this clone");
        var documents = ConllEvaluation.documents(ConllEvaluation.read(ConllEvaluation.file(), Integer.MAX_VALUE));

        ConllEvaluation.Score score = ServicePath.score(TestEnricher.get(), documents, null);

        System.out.println("CoNLL-2003 dev, whole documents:\n" + score);
        assertTrue(score.f1() >= 0.93, score.toString());
    }
}
