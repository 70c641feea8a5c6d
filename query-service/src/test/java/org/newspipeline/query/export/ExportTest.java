package org.newspipeline.query.export;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.EnrichedArticle.Entity;
import org.newspipeline.testing.SearchTestResource;
import org.newspipeline.testing.UniqueWords;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newspipeline.query.Articles.article;
import static org.newspipeline.query.Articles.awaitTitle;
import static org.newspipeline.query.Articles.entity;
import static org.newspipeline.query.Articles.publish;

/** Exports give every match in id order (over several pages of the index); timelines give shares of coverage. */
@QuarkusTest
@WithTestResource(SearchTestResource.class)
class ExportTest {

    @Test
    void an_export_gives_every_match_in_id_order_as_ndjson_and_csv() {
        String word = "ex" + UniqueWords.letters(8);
        List<Entity> entities = List.of(entity("Vladimir Voronkov", Entity.Type.PERSON));
        int n = 23; // more than three pages of the test's page size
        for (int i = 0; i < n; i++) {
            String title = i == 5 ? "=HYPERLINK(\"http://evil\") " + word : "Export " + i + ", \"quoted\" " + word;
            publish(article(String.format("%s-%02d", word, i), 1, Instant.parse("2020-01-01T00:00:00Z"), title,
                    "Text on " + word, "TASS", "2021-03-04", entities));
        }
        publish(article(word + "-zz-other", 1, "Other", "Nothing of note."));
        awaitTitle(String.format("%s-%02d", word, n - 1), "Export " + (n - 1) + ", \"quoted\" " + word);
        awaitTitle(word + "-zz-other", "Other");

        String ndjson = given().queryParam("q", word).get("/articles/export").then().statusCode(200)
                .contentType(containsString("application/x-ndjson")).extract().asString();
        List<String> lines = ndjson.lines().toList();
        assertEquals(n, lines.size(), ndjson);
        List<String> ids = lines.stream().map(l -> JsonPath.from(l).getString("id")).toList();
        assertEquals(IntStream.range(0, n).mapToObj(i -> String.format("%s-%02d", word, i)).toList(), ids);
        JsonPath first = JsonPath.from(lines.get(0));
        assertEquals("TASS", first.getString("source"));
        assertTrue(first.getString("publishedAt").startsWith("2021-03-04"), first.getString("publishedAt"));
        assertEquals(Map.of("name", "Vladimir Voronkov", "type", "PERSON"), first.getMap("entities[0]"));
        assertEquals(ids.get(0), first.getString("story"));

        String csv = given().queryParam("q", word).queryParam("format", "csv").get("/articles/export").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> rows = Arrays.asList(csv.split("\r\n"));
        assertEquals(n + 1, rows.size(), csv);
        assertEquals(RowFormat.CSV_HEADER, rows.get(0));
        assertTrue(rows.get(6).contains(",\"'=HYPERLINK(\"\"http://evil\"\") " + word + "\","), rows.get(6));
        assertTrue(rows.get(1).contains("\"Export 0, \"\"quoted\"\" " + word + "\""), rows.get(1));

        given().queryParam("format", "xml").get("/articles/export").then().statusCode(400).body("detail", containsString("format"));
        given().queryParam("from", "never").get("/articles/export").then().statusCode(400).body("detail", containsString("from"));
    }

    @Test
    void a_timeline_as_shares_divides_each_bucket_by_every_article_stored_in_it() {
        String word = "sh" + UniqueWords.letters(8);
        for (int i = 0; i < 5; i++) {
            publish(article(word + "-" + i, 1, Instant.parse("2020-01-01T00:00:00Z"), "Share " + i + (i < 2 ? " " + word : ""),
                    "A report from long ago.", "TASS", "1911-02-1" + i, List.of()));
        }
        for (int i = 0; i < 5; i++) {
            awaitTitle(word + "-" + i, "Share " + i + (i < 2 ? " " + word : ""));
        }
        List<Map<String, Object>> shares = given().queryParam("q", word).queryParam("normalize", "share")
                .get("/stats/timeline").then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Object> february = shares.stream().filter(b -> "1911-02-01".equals(b.get("value"))).findFirst().orElseThrow();
        assertEquals(2, ((Number) february.get("count")).intValue());
        assertEquals(5, ((Number) february.get("all")).intValue());
        assertEquals(0.4, ((Number) february.get("share")).doubleValue(), 1e-6);
        given().queryParam("normalize", "percent").get("/stats/timeline").then().statusCode(400).body("detail", containsString("normalize"));
        given().queryParam("q", word).queryParam("normalize", "share").queryParam("from", "1911-01-01").queryParam("to", "1911-12-31")
                .get("/timeline").then().statusCode(200).body(containsString("2 of 5 (40.0%)"));
        // The search page's toggle: its link asks for shares, and with them offers counts back.
        given().queryParam("q", word).get("/").then().statusCode(200).body(containsString("normalize=share"));
        given().queryParam("q", word).queryParam("normalize", "share").get("/").then().statusCode(200)
                .body(containsString("show counts")).body(containsString("/timeline?q=" + word + "&amp;normalize=share"));
    }
}
