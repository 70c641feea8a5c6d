package org.newspipeline.ingest.article;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.ArticleIds;
import org.newspipeline.contract.Topics;
import org.newspipeline.localstack.KafkaControl;
import org.newspipeline.ingest.IngestTestResource;
import org.newspipeline.testing.SharedInfrastructure;
import org.newspipeline.testing.TestTopics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka stopped mid-way and started again: clear answers and a not-ready service while it is away,
 * nothing accepted lost.
 */
@QuarkusTest
@WithTestResource(IngestTestResource.class)
class KafkaOutageTest {

    @Test
    void while_kafka_is_away_the_api_answers_503_and_files_wait_then_everything_arrives() throws Exception {
        KafkaControl kafka = SharedInfrastructure.get().kafkaControl().orElse(null);
        Assumptions.assumeTrue(kafka != null, "skipped: the broker is not this test run's own, it cannot be stopped");
        String before = "Accepted before the outage " + UUID.randomUUID();
        given().contentType(ContentType.TEXT).body(before).post("/articles").then().statusCode(202);

        kafka.stop();
        String during = "Posted during the outage " + UUID.randomUUID();
        Path file = Path.of("target/test-inbox").resolve("outage-" + UUID.randomUUID() + ".txt");
        String fileText = "Dropped during the outage " + UUID.randomUUID();
        try {
            given().contentType(ContentType.TEXT).body(during)
                    .when().post("/articles")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
            Files.createDirectories(file.getParent());
            Files.writeString(file, fileText);
            Thread.sleep(3000);
            assertTrue(Files.exists(file), "the file must wait in the inbox while Kafka is away");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503));
        } finally {
            kafka.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(file));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().contentType(ContentType.TEXT).body(during).post("/articles")
                        .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(202), equalTo(200))));
        for (String text : new String[] {before, during, fileText}) {
            TestTopics.awaitKey(Topics.RAW, ArticleIds.of(null, text), Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}
