package org.newspipeline.ingest.feed;

import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.Source;
import org.newspipeline.contract.WebUrls;

import java.time.Instant;
import java.util.List;

/** A source for one test feed (not in the directory), and polling it once. */
public final class TestSources {

    private TestSources() {
    }

    public static Source of(String feedUrl) {
        String host = WebUrls.host(feedUrl).orElseThrow();
        return new Source(Source.SCHEMA_VERSION, "test-" + host.replace('.', '-'), "Test " + host, "http://" + host + "/",
                null, null, null, List.of(feedUrl), List.of(), null, false, Instant.now());
    }

    public static FeedStatus poll(FeedPoller poller, String feedUrl) {
        return poller.poll(of(feedUrl), feedUrl);
    }
}
