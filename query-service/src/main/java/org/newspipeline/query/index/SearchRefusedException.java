package org.newspipeline.query.index;

/** OpenSearch refused a search as asked (e.g. a text that expands to more clauses than it runs): the caller's to change. */
public class SearchRefusedException extends RuntimeException {

    public SearchRefusedException(String reason) {
        super(reason);
    }
}
