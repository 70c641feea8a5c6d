package org.newspipeline.enrich.lag;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.Topics;
import org.newspipeline.testing.PipelineTestResource;
import org.newspipeline.testing.TestTopics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(PipelineTestResource.class)
class ConsumerLagTest {

    @Test
    void the_groups_lag_per_partition_is_at_lag_and_in_the_metrics_and_drops_to_zero_once_enriched() {
        String id = "lag-" + UUID.randomUUID();
        TestTopics.send(Topics.RAW, id, ContractJson.write(new RawArticle(1, id, "http", Instant.now(), null, null,
                "A story read while its group's lag is watched.", null, null, null, null, null, List.of())));
        TestTopics.awaitKey(Topics.ENRICHED, id, Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath lag = given().get("/lag").then().statusCode(200).extract().jsonPath();
            assertNull(lag.get("problem"));
            List<Map<String, Object>> raw = lag.getList("partitions.findAll { it.group == 'enrich-service' }");
            assertTrue(!raw.isEmpty() && raw.size() <= 6, "a reading per partition the group committed on: " + raw);
            for (Map<String, Object> p : raw) {
                assertEquals(Topics.RAW, p.get("topic"));
                assertEquals(0, ((Number) p.get("lag")).longValue(), "lag once every record is enriched: " + p);
                assertTrue(((Number) p.get("end")).longValue() >= ((Number) p.get("committed")).longValue());
            }
        });
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("news_kafka_consumer_lag{group=\"enrich-service\",partition="))
                .body(containsString("topic=\"articles.raw\"} 0.0"));
    }
}
