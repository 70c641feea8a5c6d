package org.newspipeline.ingest.article;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.Topics;
import org.newspipeline.ingest.IngestTestResource;
import org.newspipeline.testing.SharedInfrastructure;
import org.newspipeline.testing.TestTopics;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(IngestTestResource.class)
class SeenArticlesTest {

    /** A restarted service starts with a new SeenArticles, which must know what was published before. */
    @Test
    void duplicates_are_recognised_across_a_restart() {
        String id = given().contentType(ContentType.TEXT).body("Published before the restart " + UUID.randomUUID())
                .post("/articles").then().statusCode(202).extract().path("id");
        TestTopics.awaitKey(Topics.RAW, id, Duration.ofSeconds(20));

        SeenArticles afterRestart = new SeenArticles(SharedInfrastructure.get().kafkaBootstrapServers());
        afterRestart.loadAtStartup(null);

        assertFalse(afterRestart.claim(id), "the published id is known after a restart");
        assertTrue(afterRestart.claim("never-published-" + UUID.randomUUID()));
    }
}
