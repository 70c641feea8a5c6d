package org.newspipeline.query.alert;

/**
 * What {@code POST /searches} takes.
 *
 * @param webhook optional: {@code {"url": "https://..."}}
 */
public record SavedSearchForm(String name, SearchParams search, Webhook webhook) {

    public record Webhook(String url) {
    }
}
