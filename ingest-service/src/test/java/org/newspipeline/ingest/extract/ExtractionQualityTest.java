package org.newspipeline.ingest.extract;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Guards the extractor's quality on the 949-page development set (see ExtractionBenchmark for the
 * figures and speed). The floor sits just under what the extractor reaches, so a change that makes
 * it worse fails here.
 */
class ExtractionQualityTest {

    @Test
    void main_text_on_the_development_set_stays_at_its_level() throws Exception {
        Path dir = ExtractionDevSet.locate();
        assumeTrue(dir != null, "skipped: the extraction development set is not in ../shared/data/extraction-dev "
                + "(it is evaluation data, never part of the repository)");
        ExtractionDevSet.Score score = ExtractionDevSet.score(ExtractionDevSet.load(dir),
                page -> WebPages.extract(page.html(), null, page.url()).text(), false);
        System.out.println("extraction development set: " + score);
        assertTrue(score.f() >= ExtractionBenchmark.F_FLOOR, "F fell to " + score);
        assertTrue(score.precision() >= ExtractionBenchmark.PRECISION_FLOOR, "precision fell to " + score);
    }
}
