package org.newspipeline.enrich.preview;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.newspipeline.edge.Problem;
import org.newspipeline.enrich.support.TestEnricher;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A preview gets the consumer's time limit: a text that runs over is answered, not waited for. */
class PreviewTimeLimitTest {

    @Test
    void a_text_that_runs_over_the_article_time_limit_is_422_with_the_reason_and_the_next_preview_works() {
        EnrichmentResource previews = new EnrichmentResource(TestEnricher.oneWorker(Duration.ofMillis(500)));

        Response slow = previews.previewText(TestEnricher.SLOW_TEXT);

        assertEquals(422, slow.getStatus());
        Problem problem = (Problem) slow.getEntity();
        assertEquals("Unprocessable Content", problem.title());
        assertTrue(problem.detail().contains("did not finish within 0.5 s"), problem.detail());
        assertEquals(200, previews.previewText("MOSCOW, May 26. /TASS/. Sergey Lavrov met the CSTO Secretary General.").getStatus());
    }
}
