package org.newspipeline.ingest;

import org.newspipeline.ingest.fetch.LocalWeb;
import org.newspipeline.testing.PipelineTestResource;

import java.util.HashMap;
import java.util.Map;

/**
 * The shared Kafka, and {@link LocalWeb} as the page fetcher's proxy, so feed items' links reach
 * local sites under their real host names. Every ingest test class uses this one resource, so the
 * application starts once.
 */
public class IngestTestResource extends PipelineTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("ingest.fetch.proxy", LocalWeb.get().proxy());
        return config;
    }
}
