package org.newspipeline.query.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.testing.SearchTestResource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search page over plain HTTP: what it promises without a browser (no JavaScript needed to
 * search and page). Tests count exactly up to 3 only (%test.query.search.count-limit).
 */
@QuarkusTest
@WithTestResource(SearchTestResource.class)
class SearchPageTest {

    @Test
    void a_stored_link_of_another_scheme_is_shown_as_text_never_as_a_link() {
        // Any producer may write articles.enriched; ingest refuses such URLs, the page must not trust them either.
        for (String url : List.of("javascript:alert(10)//https://x", "https://example.org/a")) {
            String id = "link-" + UUID.randomUUID();
            EnrichedArticle a = org.newspipeline.query.Articles.article(id, 1, "Linked story", "Body.");
            org.newspipeline.query.Articles.publish(new EnrichedArticle(a.schemaVersion(), a.id(), a.enrichmentVersion(),
                    a.enrichedAt(), a.origin(), a.receivedAt(), url, a.title(), a.body(), a.language(), a.source(),
                    a.dateline(), a.publishedAt(), a.publication(), a.entities(), a.skipped()));
            org.newspipeline.query.Articles.awaitTitle(id, "Linked story");
            String page = given().get("/article/{id}", id).then().statusCode(200).extract().asString();
            assertTrue(page.contains(url.startsWith("https") ? "href=\"" + url + "\"" : "<dd>" + url.replace("&", "&amp;") + "</dd>"), page);
            assertTrue(!page.contains("href=\"javascript:"), page);
        }
    }

    @Test
    void paging_works_without_javascript_and_every_page_forbids_inline_scripts() {
        String word = "zp" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 22; i++) {
            SearchPageBrowserTest.stored("Story " + i + " " + word, "The " + word + " story number " + i + ".",
                    Instant.parse("2018-09-01T00:00:00Z").plusSeconds(86_400L * i));
        }
        // Texts that differ by a number are copies of one: every article is shown, not one per story.
        String first = given().queryParam("q", word).queryParam("sort", "date").queryParam("collapse", "none").get("/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .body(containsString("22 articles")).body(not(containsString("<script>")))
                .extract().asString();
        String more = first.replaceAll("(?s).*<a id=\"more\" class=\"more\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertTrue(more.startsWith("/?q=" + word) && more.contains("collapse=none"), more);
        given().urlEncodingEnabled(false).get(more).then().statusCode(200)
                .body(containsString("Story 1 " + word)).body(containsString("Story 0 " + word))
                .body(not(containsString("Story 21 " + word)));
    }

    @Test
    void a_bad_parameter_is_said_on_the_page_with_400() {
        given().queryParam("from", "yesterday").get("/").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("role=\"alert\""))
                .body(containsString("from"));
    }

    @Test
    void the_pages_scripts_and_styles_stay_under_150_kb() {
        long total = 0;
        for (String asset : List.of("/webjars/htmx.org/2.0.4/dist/htmx.min.js", "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
                "/webjars/uplot/1.6.30/dist/uPlot.min.css", "/app.js", "/app.css")) {
            total += given().get(asset).then().statusCode(200).extract().asByteArray().length;
        }
        assertTrue(total < 150 * 1024, "JS and CSS: " + total + " bytes");
    }

    @Test
    void the_live_stream_refuses_bad_parameters_and_is_documented() {
        given().queryParam("from", "never").get("/articles/stream").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/q/openapi").then().statusCode(200).body(containsString("/articles/stream"));
        given().get("/article/{id}", "nope").then().statusCode(404).body(containsString("no article with id nope"));
        given().get("/entity/{name}", "Nobody At All " + UUID.randomUUID()).then().statusCode(404);
    }
}
