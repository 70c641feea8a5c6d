package org.newspipeline.ingest.source;

import org.newspipeline.contract.RawArticle;
import org.newspipeline.ingest.article.ArticleSubmission;

import java.time.Instant;

/**
 * An item waiting for its page, kept on {@code sources.state} (key {@code fetch:<url>}) in its
 * source's partition, so the replica that takes the source over fetches it instead of losing it.
 *
 * @param publishedId set once the item went out with its feed text (a page found later replaces it)
 */
public record PendingFetch(int partition, ArticleSubmission item, String origin, RawArticle.Outlet outlet,
                           Instant referenceTime, int attempts, Instant notBefore, String publishedId) {

    public String key() {
        return "fetch:" + item.url();
    }

    public PendingFetch retry(int attemptsSoFar, Instant at, String published) {
        return new PendingFetch(partition, item, origin, outlet, referenceTime, attemptsSoFar, at, published);
    }
}
