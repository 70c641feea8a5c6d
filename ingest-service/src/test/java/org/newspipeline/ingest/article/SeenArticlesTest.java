package org.newspipeline.ingest.article;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.Topics;
import org.newspipeline.ingest.IngestTestResource;
import org.newspipeline.testing.SharedInfrastructure;
import org.newspipeline.testing.TestTopics;

import org.newspipeline.ingest.config.KafkaClients;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(IngestTestResource.class)
class SeenArticlesTest {

    /**
     * A restarted service starts with a new SeenArticles, which must know what was published before;
     * another replica's must learn what this one publishes afterwards (it may take this one's sources over).
     */
    @Test
    void duplicates_are_recognised_across_a_restart_and_across_replicas() {
        String id = given().contentType(ContentType.TEXT).body("Published before the restart " + UUID.randomUUID())
                .post("/articles").then().statusCode(202).extract().path("id");
        TestTopics.awaitKey(Topics.RAW, id, Duration.ofSeconds(20));

        SeenArticles otherReplica = new SeenArticles(new KafkaClients(
                Map.of("bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers())));
        otherReplica.loadAtStartup(null);
        String later = given().contentType(ContentType.TEXT).body("Published after the other started " + UUID.randomUUID())
                .post("/articles").then().statusCode(202).extract().path("id");

        assertFalse(otherReplica.claim(id), "the published id is known after a restart");
        assertTrue(otherReplica.claim("never-published-" + UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(10)).until(() -> otherReplica.contains(later));
        otherReplica.stop(null);
    }
}
