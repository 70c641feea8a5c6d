package org.newspipeline.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link PipelineTestResource} and a search node: for query-service, whose every test class uses
 * this one resource, so that Quarkus starts the application once.
 */
public class SearchTestResource extends PipelineTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("query.index.urls", SharedSearchNode.url());
        return config;
    }
}
