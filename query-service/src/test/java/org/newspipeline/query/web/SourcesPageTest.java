package org.newspipeline.query.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.Source;
import org.newspipeline.contract.SourcePartitions;
import org.newspipeline.contract.Topics;
import org.newspipeline.testing.SearchTestResource;
import org.newspipeline.testing.SharedInfrastructure;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The search site's Sources page reads the directory ingest-service writes on Kafka: here written
 * by hand as ingest-service would (a source in its host's partition, its feed's state beside it).
 */
@QuarkusTest
@WithTestResource(SearchTestResource.class)
class SourcesPageTest {

    private static final int PARTITIONS = 12;

    @BeforeAll
    static void topics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers()))) {
            var existing = admin.listTopics().names().get();
            for (String topic : List.of(Topics.SOURCES, Topics.SOURCE_STATE)) {
                if (!existing.contains(topic)) {
                    admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)
                            .configs(Map.of("cleanup.policy", "compact")))).all().get();
                }
            }
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void sources_are_listed_with_their_health_and_filtered_by_it() {
        String id = failingSource();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/sources/directory").then().statusCode(200)
                .body(containsString("Failing Gazette " + id)).body(containsString("HTTP 500")));
        given().get("/sources/directory?health=failing").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Failing Gazette " + id)).body(containsString("×5")).body(containsString("0 (3.5)"));
        given().get("/sources/directory?health=ok").then().statusCode(200).body(not(containsString("Failing Gazette " + id)));
        given().get("/sources/directory?health=sick").then().statusCode(400).body(containsString("health: one of"));
    }

    @Test
    void a_stored_homepage_that_is_no_web_address_is_shown_as_text_not_as_a_link() {
        String id = failingSource("javascript:alert(1)");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/sources/directory").then().statusCode(200)
                .body(containsString("Failing Gazette " + id)).body(not(containsString("javascript:"))));
    }

    @Test
    void in_a_browser_the_site_leads_to_the_sources_and_their_filters() {
        String missing = Browser.missing();
        assumeTrue(missing == null, missing);
        String id = failingSource();
        WebDriver browser = Browser.start();
        try {
            browser.get(base.toString());
            browser.findElement(By.linkText("Sources")).click();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                browser.navigate().refresh();
                assertTrue(browser.getPageSource().contains("Failing Gazette " + id));
            });
            showOnly(browser, "FAILING", "health=failing");
            WebElement row = browser.findElement(By.xpath("//tr[th[contains(., 'Failing Gazette " + id + "')]]"));
            assertEquals("failing", row.findElement(By.cssSelector(".chip.health")).getText());
            showOnly(browser, "OK", "health=ok");
            assertTrue(browser.findElements(By.xpath("//th[contains(., 'Failing Gazette " + id + "')]")).isEmpty());
        } finally {
            browser.quit();
        }
    }

    /** Clicks a health filter and waits for its page: elements found before it has loaded would go stale. */
    private static void showOnly(WebDriver browser, String health, String query) {
        browser.findElement(By.cssSelector(".filters a." + health)).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.and(
                ExpectedConditions.urlContains(query),
                ExpectedConditions.attributeContains(By.cssSelector(".filters a." + health), "class", "on")));
    }

    private static String failingSource() {
        return failingSource(null);
    }

    /**
     * A source with one feed that failed five times, written as ingest-service writes it; @return its id
     *
     * @param homepage null for its host's
     */
    private static String failingSource(String homepage) {
        String host = "s" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String id = host.replace('.', '-');
        String feed = "https://" + host + "/rss";
        Source source = new Source(Source.SCHEMA_VERSION, id, "Failing Gazette " + id, homepage != null ? homepage : "https://" + host + "/", "GB", "en",
                Source.Kind.OUTLET, List.of(feed), List.of(), null, false, Instant.now());
        FeedStatus failing = new FeedStatus(FeedStatus.SCHEMA_VERSION, id, feed, null, null, Instant.now(), Instant.now(), 600,
                Instant.parse("2026-12-01T10:00:00Z"), null, "HTTP 500", 5, 12, 0, 0, List.of(3, 4, 0), FeedStatus.Health.FAILING);
        int partition = SourcePartitions.of(host, PARTITIONS);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                SharedInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.SOURCES, partition, id, ContractJson.write(source)));
            producer.send(new ProducerRecord<>(Topics.SOURCE_STATE, partition, failing.key(), ContractJson.write(failing)));
        }
        return id;
    }
}
