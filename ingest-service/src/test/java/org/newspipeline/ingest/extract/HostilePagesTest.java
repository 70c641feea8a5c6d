package org.newspipeline.ingest.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Page shapes that once held the extractor for minutes. Each is read at 128 KiB and at 1 MiB; the
 * larger must not cost more than a linear extractor's share of the smaller (with room for noise),
 * so the check holds on a slow machine too. Shapes dense in tags are refused unread at 1 MiB, so
 * they are also read just under the tag limit. Times are printed; the time limit only catches a hang.
 */
class HostilePagesTest {

    private static final int SMALL = 128 * 1024;
    private static final int LARGE = 1024 * 1024;
    private static final Duration HANG = Duration.ofSeconds(60);

    static Stream<Arguments> shapes() {
        return Stream.of(
                shape("nested div and span", n -> "<body>" + "<div><span>".repeat(n / 11) + "<p>LONDON. Some text.</p>"),
                shape("nested div", n -> "<body>" + "<div>".repeat(n / 5) + "<p>Some text here.</p>"),
                shape("nested div with classes", n -> "<body>" + "<div class=\"content share\">".repeat(n / 27) + "<p>Text.</p>"),
                shape("nested aside", n -> "<body>" + "<aside>".repeat(n / 7) + "<article>x</article>"),
                shape("nested section with text", n -> "<body>" + "<section>Some running text that is long enough.".repeat(n / 45)),
                shape("nested span with text", n -> "<body><p>" + "<span>Text long enough to count as text, x".repeat(n / 40)),
                shape("nested font", n -> "<body>" + "<font>Words of text, many.".repeat(n / 25)),
                shape("nested tables", n -> "<body>" + "<table><tr><td>".repeat(n / 15) + "Text."),
                shape("nested lists", n -> "<body>" + "<ul><li>Item of text, long enough.".repeat(n / 33)),
                shape("unclosed b", n -> "<body><p>" + "<b>x".repeat(n / 4)),
                shape("unclosed distinct b", n -> "<body>" + "<b id=i>x<p>y".repeat(n / 14)),
                shape("nested a", n -> "<body>" + "<a href=#>link <div>".repeat(n / 20)),
                shape("siblings", n -> "<body>" + "<p>A sentence of text.</p>".repeat(n / 25)),
                shape("sibling divs with class", n -> "<body>" + "<div class=\"share\">Sentence. More.</div>".repeat(n / 40)),
                shape("huge attribute", n -> "<body><div title=\"" + "x".repeat(n) + "\"><p>Text.</p></div>"),
                shape("huge class list", n -> "<body><div class=\"" + "share ".repeat(n / 6) + "\"><p>Text.</p></div>"),
                shape("huge class word", n -> "<body><div class=\"" + "a".repeat(n) + "\"><p>Text.</p></div>"),
                shape("huge class, many children", n -> "<body><div class=\"" + "a".repeat(n / 2) + "\">"
                        + "<p>Text long enough to count as running text.</p>".repeat(n / 2 / 50) + "</div>"),
                shape("huge style", n -> "<body><div style=\"" + "display: ".repeat(n / 9) + "\"><p>Text.</p></div>"),
                shape("long text node", n -> "<body><p>" + "Word ".repeat(n / 5) + "</p>"),
                shape("long text without spaces", n -> "<body><p>" + "x".repeat(n) + "</p>"),
                shape("many br", n -> "<body><p>" + "<br>".repeat(n / 4) + "</p>"),
                shape("many br with text", n -> "<body><div>" + "Line.<br>".repeat(n / 9) + "</div>"),
                shape("many dots", n -> "<body><p>" + ". ".repeat(n / 2) + "</p>"),
                shape("many links", n -> "<body><div>" + "<a href=/x>x</a> ".repeat(n / 17) + "</div>"),
                shape("json-ld", n -> "<head><script type=application/ld+json>{\"articleBody\":\""
                        + "text ".repeat(n / 5) + "\"}</script></head><body>"),
                shape("deep json-ld", n -> "<head><script type=application/ld+json>" + "[".repeat(n / 2)
                        + "</script></head><body>"),
                shape("many meta", n -> "<head>" + "<meta name=date content=2020-01-01>".repeat(n / 36) + "</head><body>"),
                shape("many titles", n -> "<body>" + "<h2>Title</h2>".repeat(n / 14)),
                shape("many scripts", n -> "<body><div>" + "<script>x</script>".repeat(n / 18) + "<p>Text.</p></div>"),
                shape("nested date lines", n -> "<body>" + "<div class=date>".repeat(n / 16) + "2020-01-01"),
                shape("nested authors", n -> "<body>" + "<div itemprop=name>".repeat(n / 19) + "Jane"));
    }

    /** Shapes dense in tags, given a number of tags: at 1 MiB they are refused unread, so they are read at the limit. */
    static Stream<Arguments> denseShapes() {
        return Stream.of(
                shape("deep blocks side by side", n -> "<body>" + ("<div><span>".repeat(120) + "Text, long enough to count."
                        + "</span></div>".repeat(120)).repeat(Math.max(1, n / 240))),
                shape("deep tables side by side", n -> "<body>" + ("<table><tr><td>".repeat(85) + "Text."
                        + "</td></tr></table>".repeat(85)).repeat(Math.max(1, n / 255))),
                shape("unclosed distinct b", n -> "<body>" + "<b id=i>x<p>y".repeat(n / 2)),
                shape("many br", n -> "<body><p>" + "<br>".repeat(n) + "</p>"),
                shape("nested a", n -> "<body>" + "<a href=#>link <div>".repeat(n / 2)),
                shape("many scripts", n -> "<body><div>" + "<script>x</script>".repeat(n) + "<p>Text.</p></div>"),
                shape("sibling divs with class", n -> "<body>" + "<div class=\"share content\">Sentence. More.</div>".repeat(n)));
    }

    /**
     * Just under the tag limit, a page built to cost the most may cost a few times what an honest
     * page of as many tags does (the parser's own work grows faster than the page where nesting
     * reaches its limit, which the tag limit bounds), measured in the same run.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("denseShapes")
    void costs_at_most_a_few_honest_pages_at_the_tag_limit(String name, IntFunction<String> page) {
        int most = WebPages.MAX_TAGS - 1_000;
        String honest = "<body><article>" + ("<p class=\"text\">A sentence of <b>running</b> text, as an article has it, "
                + "with <a href=\"/more\">a link</a>.</p>").repeat(most / 3) + "</article>";
        read(honest); // warm-up
        long reference = timeToRead(honest);
        read(page.apply(most));
        long large = timeToRead(page.apply(most));
        System.out.printf("%-28s %,6d tags %5d ms; an honest page of as many %5d ms%n", name, most, large / 1_000_000,
                reference / 1_000_000);
        assertTrue(large <= Math.max(4 * reference, Duration.ofMillis(250).toNanos()),
                name + ": " + most + " tags took " + large / 1_000_000 + " ms against " + reference / 1_000_000 + " ms");
    }

    private static Arguments shape(String name, IntFunction<String> page) {
        return Arguments.of(name, page);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void is_read_in_linear_time(String name, IntFunction<String> page) {
        read(page.apply(SMALL)); // warm-up
        long small = timeToRead(page.apply(SMALL));
        long large = timeToRead(page.apply(LARGE));
        System.out.printf("%-28s 128 KiB %5d ms, 1 MiB %5d ms%n", name, small / 1_000_000, large / 1_000_000);
        // Linear: 8 times the size, 8 times the time; quadratic would be 64.
        assertTrue(large <= Math.max(24 * small, Duration.ofMillis(250).toNanos()),
                name + ": 1 MiB took " + large / 1_000_000 + " ms against " + small / 1_000_000 + " ms at 128 KiB");
    }

    /** The best of three, so that a pause of the machine is not taken for the page's cost. */
    private static long timeToRead(String html) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            read(html);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    private static void read(String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        assertTimeoutPreemptively(HANG, () -> {
            try {
                WebPages.extract(bytes, StandardCharsets.UTF_8, "https://example.org/a");
            } catch (UnreadablePageException refused) {
                // Refused up front is as good as read.
            }
        });
    }
}
