package org.newspipeline.query.story;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.EnrichedArticle.Entity;
import org.newspipeline.query.Articles;
import org.newspipeline.testing.SearchTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newspipeline.query.Articles.awaitTitle;
import static org.newspipeline.query.Articles.entity;
import static org.newspipeline.query.Articles.publish;

/** Copies of one text share a copy group and a story; searches collapse by story; a bridge merges stories. */
@QuarkusTest
@WithTestResource(SearchTestResource.class)
class StoriesTest {

    @Inject
    AgroalDataSource db;

    @Test
    void an_article_twice_in_one_batch_is_placed_once_from_its_newest_enrichment() throws Exception {
        Instant at = Instant.parse("2020-01-01T00:00:00Z");
        String body = "MOSCOW, May 26. /TASS/. The twice-sent report says the grain harbour reopened after the storm.";
        EnrichedArticle first = Articles.article("st-twice", 1, at, "Harbour reopens", body, "TASS", "2020-05-26", List.of());
        EnrichedArticle newer = Articles.article("st-twice", 2, at, "Harbour reopens", body, "TASS", "2020-05-26", List.of());
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                StoryAssigner.Assigned assigned = StoryAssigner.assign(c, List.of(first, newer, first), List.of());
                assertEquals(List.of("st-twice"), assigned.firsts());
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT count(*), max(enrichment_version) FROM story_member WHERE article_id = 'st-twice'");
                     ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1));
                    assertEquals(2, rs.getInt(2));
                }
            } finally {
                c.rollback(); // placed only in this transaction
            }
        }
    }

    private static final List<String> OUTLETS = List.of("TASS", "BelTA", "Kazinform", "Sputnik", "AKIpress");

    @Test
    void twenty_copies_of_a_story_are_one_hit_when_collapsed_with_twenty_more() {
        String word = "stcollapse";
        List<Entity> actors = List.of(entity("Kassym-Jomart Tokayev", Entity.Type.PERSON),
                entity("Kazakhstan", Entity.Type.LOCATION), entity("Collective Security Treaty Organization", Entity.Type.ORGANIZATION));
        List<String> paragraphs = paragraphs(word);
        String original = word + "-original";
        publish(article(original, "Peacekeepers leave Almaty " + word, String.join("\n\n", paragraphs), "TASS", actors,
                Instant.parse("2022-01-13T08:00:00Z")));
        for (int i = 1; i <= 20; i++) {
            // What outlets do: a credit in front, the last paragraph cut or a line added, a new headline.
            List<String> copy = new ArrayList<>(paragraphs);
            copy.set(0, "(TASS) - " + copy.get(0));
            if (i % 2 == 0) {
                copy.remove(copy.size() - 1);
            } else {
                copy.add("More on this story as it develops.");
            }
            publish(article(word + "-copy-" + i, "Copy " + i + ": CSTO troops go home " + word, String.join("\n\n", copy),
                    OUTLETS.get(i % OUTLETS.size()), actors, Instant.parse("2022-01-13T09:00:00Z").plusSeconds(60L * i)));
        }
        String other = word + "-other";
        publish(article(other, "Another story " + word, "A different report on " + word + " grain exports from the port of"
                + " Aktau, where the harvest was larger than forecast and shipping rates fell for the third week in a row.",
                "Reuters", List.of(entity("Aktau", Entity.Type.LOCATION)), Instant.parse("2022-01-13T10:00:00Z")));
        awaitTitle(word + "-copy-20", "Copy 20: CSTO troops go home " + word);
        awaitTitle(other, "Another story " + word);

        JsonPath page = given().queryParam("q", word).queryParam("collapse", "story").queryParam("sort", "date")
                .get("/articles").then().statusCode(200).extract().jsonPath();
        assertEquals(22, page.getInt("total"), "articles matching");
        assertEquals(2, page.getInt("stories"));
        assertEquals(List.of(other, word + "-copy-20"), page.getList("items.id"));
        assertEquals(0, page.getInt("items[0].story.more"));
        assertEquals(20, page.getInt("items[1].story.more"));
        assertEquals(OUTLETS.size(), page.getInt("items[1].story.outlets"));
        assertEquals(5, page.getList("items[1].story.others").size());
        String story = page.getString("items[1].story.id");
        assertEquals(original, story, "a story is named by the article that began it");
        assertEquals(List.of(2), page.getList("facets.month.count"), "facets count stories when collapsed");

        given().queryParam("q", word).get("/articles").then().statusCode(200).body("items", hasSize(20))
                .body("stories", equalTo(null));

        JsonPath details = given().get("/stories/{id}", story).then().statusCode(200).extract().jsonPath();
        assertEquals(21, details.getInt("articles"));
        assertEquals(original, details.getString("firstReport.id"));
        assertEquals(1, details.getList("copyGroups").size(), "copies of one text");
        assertEquals(20, details.getList("copyGroups[0].copies").size());
        assertEquals(original, details.getString("copyGroups[0].original"));
        assertTrue(details.getList("entities").contains("Kazakhstan"));
        assertEquals(List.of("2022-01-13"), details.getList("timeline.day"));

        given().queryParam("q", word).get("/stories").then().statusCode(200)
                .body("id", equalTo(List.of(story, other))).body("[0].articles", equalTo(21))
                .body("[0].label", equalTo("Peacekeepers leave Almaty " + word));
        given().get("/stories/{id}", "no-such-story-" + word).then().statusCode(404);

        // The search page collapses by default; the rest of a story opens in place, and has a page.
        // The page shows its hits first and loads the stories' details after it (htmx, swapped into each
        // hit), with the count of stories in all and per facet.
        given().queryParam("q", word).get("/").then().statusCode(200)
                .body(containsString("22 articles<span id=\"story-count\"></span> for"),
                        containsString("hx-get=\"/story-more?q=" + word + "\""),
                        containsString("href=\"/story/" + story + "\""), not(containsString("more from")));
        given().queryParam("q", word).get("/story-more").then().statusCode(200)
                .body(containsString("20 more from 5 outlets"), containsString("hx-swap-oob=\"true\""),
                        containsString("href=\"/story/" + story + "\""), containsString(" in 2 stories</span>"));
        given().queryParam("q", word).queryParam("collapse", "none").get("/").then().statusCode(200)
                .body(containsString("22 articles for"), not(containsString("more from")));
        given().get("/story/{id}", story).then().statusCode(200)
                .body(containsString("21 articles from 5 outlets"), containsString("original</a> and 20 copies"));
        given().queryParam("q", word).queryParam("collapse", "source").get("/articles").then().statusCode(400)
                .body("detail", containsString("collapse"));
    }

    @Test
    void an_article_that_bridges_two_stories_merges_them_and_the_old_id_still_leads_there() {
        String word = "stbridge";
        List<String> a = paragraphs(word);
        List<String> b = paragraphs(word + "b");
        Instant at = Instant.parse("2023-03-01T08:00:00Z");
        publish(article(word + "-a", "Story A " + word, String.join("\n\n", a), "TASS", List.of(), at));
        publish(article(word + "-b", "Story B " + word, String.join("\n\n", b), "BelTA", List.of(), at.plusSeconds(60)));
        awaitTitle(word + "-a", "Story A " + word);
        awaitTitle(word + "-b", "Story B " + word);
        assertEquals(2, given().queryParam("q", word).queryParam("collapse", "story").get("/articles").then()
                .statusCode(200).extract().jsonPath().getInt("stories"));

        // A roundup that carries both texts whole is a copy of each: the two stories become one.
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        publish(article(word + "-c", "Roundup " + word, String.join("\n\n", both), "Sputnik", List.of(), at.plusSeconds(120)));
        awaitTitle(word + "-c", "Roundup " + word);

        // The older articles move to the joined story right after the roundup is indexed.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("q", word).queryParam("collapse", "story")
                .get("/articles").then().statusCode(200).body("stories", equalTo(1)));
        JsonPath page = given().queryParam("q", word).queryParam("collapse", "story").get("/articles").then()
                .statusCode(200).extract().jsonPath();
        String merged = page.getString("items[0].story.id");
        assertEquals(2, page.getInt("items[0].story.more"));
        for (String id : List.of(word + "-a", word + "-b")) {
            given().get("/stories/{id}", id).then().statusCode(200).body("id", equalTo(merged)).body("articles", equalTo(3))
                    .body("items.id", hasItems(word + "-a", word + "-b", word + "-c"));
        }
    }

    @Test
    void an_article_deleted_right_after_it_was_written_leaves_no_story() {
        String id = "stdeleted";
        publish(article(id, "Deleted " + id, String.join("\n\n", paragraphs(id)), "TASS", List.of(), Instant.parse("2023-05-01T00:00:00Z")));
        org.newspipeline.testing.TestTopics.send(org.newspipeline.contract.Topics.ENRICHED, id, null);
        publish(article(id + "-after", "After " + id, String.join("\n\n", paragraphs(id + "after")), "TASS", List.of(),
                Instant.parse("2023-05-01T00:00:00Z")));
        awaitTitle(id + "-after", "After " + id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/stories/{id}", id).then().statusCode(404));
        given().get("/articles/{id}", id).then().statusCode(404);
    }

    @Test
    void bad_story_requests_get_a_clear_error() {
        given().urlEncodingEnabled(false).get("/stories/a%00b").then().statusCode(400); // the edge refuses NUL anywhere
        given().queryParam("sort", "biggest").get("/stories").then().statusCode(400).body("detail", containsString("sort"));
        given().queryParam("limit", "1000").get("/stories").then().statusCode(400).body("detail", containsString("limit"));
        given().queryParam("from", "0000-13-45").get("/stories").then().statusCode(400).body("detail", containsString("from"));
        given().queryParam("collapse", "story").queryParam("cursor", "bm90IG91cnM.AAAA").get("/articles").then().statusCode(400)
                .body("detail", containsString("cursor"));
    }

    /**
     * A story of five paragraphs of made-up words, different from every other such story (no
     * sentence of it in any other test's texts), with the word in each paragraph. The same word
     * gives the same text, so that what the signatures decide does not change from run to run.
     */
    private static List<String> paragraphs(String word) {
        Random random = new Random(word.hashCode());
        String[] syllables = {"ka", "lo", "mir", "ten", "vas", "ro", "pel", "du", "shan", "bek", "ta", "gor", "ni", "zel",
                "um", "fra", "sto", "lin", "qu", "ar"};
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            StringBuilder text = new StringBuilder(word);
            for (int w = 0; w < 36; w++) {
                text.append(w % 12 == 11 ? ". " : " ");
                for (int syllable = 0; syllable < 3; syllable++) {
                    text.append(syllables[random.nextInt(syllables.length)]);
                }
            }
            paragraphs.add(text.append('.').toString());
        }
        return paragraphs;
    }

    private static EnrichedArticle article(String id, String title, String body, String source, List<Entity> entities,
                                           Instant published) {
        return new EnrichedArticle(1, id, 1, Instant.parse("2023-01-01T00:00:00Z"), "http", Instant.now(), null, title, body, "en",
                new EnrichedArticle.Source(source, EnrichedArticle.Source.Kind.AGENCY, EnrichedArticle.Source.Evidence.DATELINE),
                null, published, new EnrichedArticle.Publication(EnrichedArticle.Publication.Precision.DATETIME,
                EnrichedArticle.Publication.DateSource.FEED, 1.0, List.of()), entities, List.of());
    }
}
