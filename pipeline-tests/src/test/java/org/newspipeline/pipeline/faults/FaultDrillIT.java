package org.newspipeline.pipeline.faults;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small fault drill (the benchmark runs the same with 20,000 articles): nothing accepted is
 * lost or stored twice, every poison record is refused at the edge or dead-lettered, every fault
 * heals without a hand on the keyboard, and a saved search's webhook gets every matching article
 * (and nothing else) through two kills of one of the two query replicas.
 */
class FaultDrillIT {

    @Test
    void every_article_arrives_once_through_kills_and_outages_and_poison_goes_to_the_dlq() throws Exception {
        FaultDrill.Report report = FaultDrill.run(Path.of("..").toAbsolutePath().normalize(), 600);
        report.print();

        assertEquals(report.articles(), report.stored(), "lost articles");
        assertEquals(report.stored(), report.storedRows(), "duplicated articles");
        assertEquals(0, report.goodDeadLettered(), "good articles in a dead-letter topic");
        assertEquals(List.of(), report.poisonMissing(), "poison records not dead-lettered");
        report.edgeRefusals().forEach((poison, status) ->
                assertTrue(status >= 400 && status < 500, poison + " was answered " + status));
        assertEquals(7, report.faults().size());
        FaultDrill.Webhooks webhooks = report.webhooks();
        assertTrue(webhooks.matching() > 0);
        assertEquals(webhooks.matching(), webhooks.delivered(), "matching articles the saved search's webhook never got");
        assertEquals(0, webhooks.idMismatches(), "an article delivered again under another webhook-id");
        assertEquals(0, webhooks.badSignatures(), "posts whose signature does not verify");
        assertEquals(0, webhooks.notMatching(), "articles posted that do not match the search");
        assertNull(report.gaveUp(), "the supervisor gave up");
    }
}
