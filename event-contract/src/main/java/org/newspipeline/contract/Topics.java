package org.newspipeline.contract;

import java.util.List;

/** The topic names every service and tool relies on. */
public final class Topics {
    public static final String RAW = "articles.raw";
    public static final String ENRICHED = "articles.enriched";
    public static final String RAW_DLQ = RAW + ".dlq";
    public static final String ENRICHED_DLQ = ENRICHED + ".dlq";
    public static final List<String> ALL = List.of(RAW, ENRICHED, RAW_DLQ, ENRICHED_DLQ);

    private Topics() {
    }
}
