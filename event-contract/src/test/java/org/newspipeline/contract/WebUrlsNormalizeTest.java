package org.newspipeline.contract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebUrlsNormalizeTest {

    @ParameterizedTest
    @CsvSource({
            "https://dup.example/feed.xml, https://dup.example/feed.xml",
            "HTTPS://DUP.EXAMPLE/feed.xml, https://dup.example/feed.xml",
            "https://dup.example:443/feed.xml, https://dup.example/feed.xml",
            "https://dup.example/feed.xml#x, https://dup.example/feed.xml",
            "https://dup.example./feed.xml, https://dup.example/feed.xml",
            "https://dup.example/feed.xml?, https://dup.example/feed.xml",
            "http://dup.example:8080/Feed?A=1, http://dup.example:8080/Feed?A=1",
            "https://bücher.example/rss, https://xn--bcher-kva.example/rss",
            "https://dup.example, https://dup.example/"})
    void two_spellings_of_one_url_are_one(String given, String normalized) {
        assertEquals(normalized, WebUrls.normalize(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:pass@w.example/", "https://w.example:0/", "https://w.example:99999/",
            "javascript:alert(1)", "ftp://w.example/", "http://[::1", "https:///path"})
    void what_is_no_web_url_to_keep_is_refused(String url) {
        assertThrows(IllegalArgumentException.class, () -> WebUrls.normalize(url));
    }
}
