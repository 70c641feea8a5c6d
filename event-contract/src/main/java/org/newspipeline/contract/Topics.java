package org.newspipeline.contract;

import java.util.List;

/** The topic names every service and tool relies on. */
public final class Topics {
    public static final String RAW = "articles.raw";
    public static final String ENRICHED = "articles.enriched";
    public static final String RAW_DLQ = RAW + ".dlq";
    public static final String ENRICHED_DLQ = ENRICHED + ".dlq";
    public static final List<String> ALL = List.of(RAW, ENRICHED, RAW_DLQ, ENRICHED_DLQ);
    /** Corrections of the entity catalog (compacted, one partition: every replica reads all of it in order). */
    public static final String CATALOG = "entities.catalog";
    /** The source directory (compacted, keyed by source id, partitioned by host: {@link SourcePartitions}). */
    public static final String SOURCES = "sources";
    /** Polling state of each source's feeds and pending page fetches (compacted, partitioned as {@link #SOURCES}). */
    public static final String SOURCE_STATE = "sources.state";

    /**
     * The largest record value the article topics carry ({@code max.message.bytes}) and producers
     * send ({@code max.request.size}). The largest accepted body (1 MiB) makes a raw record of at
     * most 6 MiB (every character a JSON escape) and an enriched record of at most 2 MiB plus its
     * bounded entities.
     */
    public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;
    /** Dead-letter topics take a whole record of the topic it came from, plus the headers that say why. */
    public static final int MAX_DEAD_LETTER_BYTES = MAX_RECORD_BYTES + 1024 * 1024;

    private Topics() {
    }
}
