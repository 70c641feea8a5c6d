package org.newspipeline.ingest.extract;

import org.newspipeline.ingest.article.InvalidArticleException;

/**
 * A page refused unread (nested or tagged beyond any real page) or not read within its time limit:
 * 422 on HTTP, a rejected file in the inbox, a fetch failure with this reason.
 */
public class UnreadablePageException extends InvalidArticleException {

    public UnreadablePageException(String reason) {
        super(422, "the page cannot be read: " + reason);
    }
}
