package org.newspipeline.query.live;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newspipeline.testing.SearchTestResource;

import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event log on the service's PostgreSQL: a batch enters it in one statement, in the batch's order. */
@QuarkusTest
@WithTestResource(SearchTestResource.class)
class EventLogTest {

    @Inject
    AgroalDataSource db;

    @Test
    void a_batch_is_appended_in_its_order() throws Exception {
        List<String> batch = List.of("log-c", "log-a", "log-e", "log-b", "log-d");
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<EventLog.Event> events = EventLog.append(c, batch);
                assertEquals(batch, events.stream().map(EventLog.Event::articleId).toList());
                for (int i = 1; i < events.size(); i++) {
                    // The indexer may append between them (this test holds no lock): increasing, not consecutive.
                    assertTrue(events.get(i - 1).seq() < events.get(i).seq(), "seqs in the batch's order: " + events);
                }
                assertEquals(List.of(), EventLog.append(c, List.of()));
            } finally {
                c.rollback(); // a test's events never reach the live streams
            }
        }
    }
}
