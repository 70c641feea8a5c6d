package org.newspipeline.query.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.EnrichedArticle.Entity;
import org.newspipeline.contract.EnrichedArticle.Mention;
import org.newspipeline.testing.SearchTestResource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.newspipeline.query.Articles.awaitTitle;
import static org.newspipeline.query.Articles.publish;

/** The search page in headless Chromium against real Kafka and PostgreSQL. */
@QuarkusTest
@WithTestResource(SearchTestResource.class)
class SearchPageBrowserTest {

    static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() {
        String missing = Browser.missing();
        assumeTrue(missing == null, missing);
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A wire story with its entities and their mentions found in the text, as enrich-service would store it. */
    static EnrichedArticle story(String id, String title, String body, Instant published, Object... entities) {
        List<Entity> found = new ArrayList<>();
        for (int i = 0; i < entities.length; i += 2) {
            String name = (String) entities[i];
            List<Mention> mentions = new ArrayList<>();
            for (int at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + name.length())) {
                mentions.add(new Mention(at, at + name.length(), name));
            }
            found.add(new Entity(name, (Entity.Type) entities[i + 1], List.of(), null, mentions, 0.5));
        }
        return new EnrichedArticle(1, id, 1, Instant.now(), "http", Instant.now(), "https://tass.com/politics/" + id, title,
                body, "en", new EnrichedArticle.Source("TASS", EnrichedArticle.Source.Kind.AGENCY,
                EnrichedArticle.Source.Evidence.DATELINE), new EnrichedArticle.Dateline("MOSCOW", "MOSCOW, May 26. /TASS/."),
                published, new EnrichedArticle.Publication(EnrichedArticle.Publication.Precision.DAY,
                EnrichedArticle.Publication.DateSource.DATELINE, 0.9, List.of()), found, List.of());
    }

    /** Publishes a story and waits until it is stored; returns its id. */
    static String stored(String title, String body, Instant published, Object... entities) {
        String id = "b-" + UUID.randomUUID();
        publish(story(id, title, body, published, entities));
        awaitTitle(id, title);
        return id;
    }

    private String word() {
        return "zb" + UUID.randomUUID().toString().substring(0, 8);
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    @Test
    void searching_then_clicking_an_entity_facet_narrows_the_results() throws Exception {
        String word = word();
        stored("Lavrov on peacekeeping " + word, "MOSCOW, May 26. /TASS/. Sergey Lavrov said the " + word
                + " peacekeeping mission of the Collective Security Treaty Organization is ready.",
                Instant.parse("2018-09-26T00:00:00Z"), "Sergey Lavrov", Entity.Type.PERSON,
                "Collective Security Treaty Organization", Entity.Type.ORGANIZATION);
        stored("Minsk talks " + word, "MINSK, May 26. /TASS/. The " + word + " talks in Minsk went on.",
                Instant.parse("2018-10-02T00:00:00Z"), "Minsk", Entity.Type.LOCATION);

        browser.get(base + "?q=" + word);
        assertEquals(2, browser.findElements(By.cssSelector("#hits .hit")).size(), browser.getPageSource());
        assertTrue(browser.findElement(By.cssSelector(".hit .snippet mark")).getText().equalsIgnoreCase(word));
        // The timeline comes after the page: two months, a bar each, drawn as a chart too.
        waitUpTo(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline .bar"), 2));
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline .chart canvas")));
        screenshot();

        browser.findElement(By.cssSelector(".facets a.chip.entity.PERSON")).click();

        waitUpTo(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#hits .hit"), 1));
        assertTrue(browser.getCurrentUrl().contains("entity=Sergey+Lavrov"), "the filter is in the URL: " + browser.getCurrentUrl());
        assertEquals("Lavrov on peacekeeping " + word, browser.findElement(By.cssSelector(".hit h3")).getText());
        browser.navigate().back();
        waitUpTo(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#hits .hit"), 2));
    }

    @Test
    void an_article_marks_its_entities_and_each_links_to_its_page() {
        String word = word();
        String id = stored("Lavrov in Minsk " + word, "MINSK, May 26. /TASS/. Sergey Lavrov met the CSTO in Minsk. "
                + "Sergey Lavrov said " + word + ".", Instant.parse("2018-09-26T00:00:00Z"),
                "Sergey Lavrov", Entity.Type.PERSON, "Minsk", Entity.Type.LOCATION);

        browser.get(base + "article/" + id);

        List<WebElement> marks = browser.findElements(By.cssSelector(".body mark"));
        assertEquals(3, marks.size(), "two mentions of Lavrov, one of Minsk (MINSK in the dateline is no mention)");
        assertEquals("PERSON", browser.findElement(By.cssSelector(".body mark a[href='/entity/Sergey%20Lavrov']"))
                .findElement(By.xpath("..")).getAttribute("class"));
        browser.findElement(By.cssSelector(".body mark.PERSON a")).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Sergey Lavrov"));
        assertTrue(browser.findElements(By.cssSelector(".hits .hit a[href='/article/" + id + "']")).size() == 1,
                "the entity page lists the article among the newest");
    }

    @Test
    void a_newly_stored_matching_article_is_announced_within_five_seconds() {
        String word = word();
        stored("First " + word, "The first " + word + " story.", Instant.parse("2018-09-26T00:00:00Z"));
        browser.get(base + "?q=" + word);
        WebElement notice = browser.findElement(By.id("live"));
        assertFalse(notice.isDisplayed());
        // The page's EventSource connects after load; give it a moment before the article arrives.
        waitUpTo(5).until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
        sleep(500);

        publish(story("b-" + UUID.randomUUID(), "Second " + word, "The second " + word + " story.", Instant.now()));
        publish(story("b-" + UUID.randomUUID(), "Unrelated", "Nothing to do with the search.", Instant.now()));

        waitUpTo(5).until(ExpectedConditions.visibilityOf(notice));
        assertTrue(notice.getText().startsWith("1 new article"), notice.getText());
        notice.findElement(By.linkText("show")).click();
        waitUpTo(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#hits .hit"), 2));
    }

    @Test
    void a_stored_script_never_runs_and_shows_as_text() {
        String word = word();
        String evil = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";
        String id = stored(word + " " + evil, "Body " + word + " " + evil + " end.", Instant.parse("2018-09-26T00:00:00Z"));

        for (String page : List.of("?q=" + word, "article/" + id)) {
            browser.get(base + page);
            assertNull(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined ? null : window.pwned"),
                    "a stored script ran on " + page);
            assertTrue(browser.findElement(By.tagName("main")).getText().contains("<script>window.pwned=1</script>"), page);
        }
    }

    @Test
    void the_keyboard_alone_reaches_search_and_results() {
        String word = word();
        stored("Keyboard " + word, "The keyboard " + word + " story.", Instant.parse("2018-09-26T00:00:00Z"));
        browser.get(base.toString());

        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("Skip to results", browser.switchTo().activeElement().getText(), "the first stop skips to the results");
        browser.switchTo().activeElement().sendKeys(Keys.TAB, Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertEquals("q", focused.getAttribute("id"), "then, past the home link, the search box");
        focused.sendKeys(word, Keys.ENTER);
        waitUpTo(10).until(ExpectedConditions.textToBe(By.cssSelector("#hits .hit h3"), "Keyboard " + word));
        waitUpTo(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#hits .hit"), 1));
    }

    @Test
    void the_entity_box_suggests_catalog_names_as_one_types() {
        String word = word();
        String person = "Zelda" + word.substring(2, 7) + " Quorn";
        stored("Suggest " + word, "MOSCOW, May 26. /TASS/. " + person + " spoke about " + word + ".",
                Instant.parse("2018-09-26T00:00:00Z"), person, Entity.Type.PERSON);
        browser.get(base.toString());

        browser.findElement(By.id("entity-input")).sendKeys(person.substring(0, 8));

        waitUpTo(5).until(d -> d.findElements(By.cssSelector("#entity-suggestions option")).stream()
                .anyMatch(o -> person.equals(o.getAttribute("value"))));
        WebElement input = browser.findElement(By.id("entity-input"));
        input.clear();
        input.sendKeys(person, Keys.ENTER);
        waitUpTo(10).until(ExpectedConditions.textToBe(By.cssSelector("#hits .hit h3"), "Suggest " + word));
        assertTrue(browser.getCurrentUrl().contains("entity="), browser.getCurrentUrl());
    }

    @Test
    void more_results_are_added_in_place() {
        String word = word();
        for (int i = 0; i < 22; i++) {
            stored("More " + i + " " + word, "The " + word + " story " + i + ".", Instant.parse("2018-09-01T00:00:00Z").plusSeconds(3600L * i));
        }
        browser.get(base + "?sort=date&q=" + word);
        assertEquals(20, browser.findElements(By.cssSelector("#hits .hit")).size(), browser.getPageSource());

        browser.findElement(By.id("more")).click();

        waitUpTo(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#hits .hit"), 22));
        assertTrue(browser.findElements(By.id("more")).isEmpty(), "no more link after the last page");
        assertTrue(browser.getCurrentUrl().endsWith("q=" + word), "paging in place keeps the search's URL: " + browser.getCurrentUrl());
    }

    @Test
    void a_storys_other_copies_load_into_its_hit_after_the_page() {
        String word = word();
        StringBuilder text = new StringBuilder("MOSCOW, May 26. /TASS/. " + word);
        for (int i = 0; i < 40; i++) {
            text.append(' ').append(org.newspipeline.testing.UniqueWords.letters(7));
        }
        stored("Original " + word, text.toString(), Instant.parse("2018-09-01T00:00:00Z"));
        stored("Copy one " + word, text + " More later.", Instant.parse("2018-09-01T01:00:00Z"));
        stored("Copy two " + word, text + " Updated.", Instant.parse("2018-09-01T02:00:00Z"));

        // The page counts its facets in articles; the stories' details bring them counted in stories.
        given().get(base + "?q=" + word).then().statusCode(200).body(containsString("Counts are of articles."));
        browser.get(base + "?q=" + word);

        assertEquals(1, browser.findElements(By.cssSelector("#hits .hit")).size(), browser.getPageSource());
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#hits .hit details.story summary"),
                "2 more from 1 outlet"));
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("facets"), "Counts are of stories."));
        assertEquals("3 articles in 1 story", browser.findElement(By.cssSelector(".summary p")).getText().replaceAll(" for .*", ""));
        assertEquals("1", browser.findElement(By.cssSelector("#facets .chips .n")).getText(), "three copies, one story");
    }

    /** The README's picture of the page, from the first test's search. */
    private void screenshot() throws Exception {
        Path shot = Path.of("target", "screenshots", "search.png");
        Files.createDirectories(shot.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
