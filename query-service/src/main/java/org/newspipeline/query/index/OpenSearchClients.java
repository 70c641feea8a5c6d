package org.newspipeline.query.index;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

import java.io.IOException;
import java.net.URI;

/** The one OpenSearch client of the service, from {@link IndexConfig}. */
public class OpenSearchClients {

    @Produces
    @Singleton
    OpenSearchClient client(IndexConfig config) {
        HttpHost[] hosts = config.urls().stream().map(OpenSearchClients::host).toArray(HttpHost[]::new);
        Timeout timeout = Timeout.of(config.timeout());
        return new OpenSearchClient(ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper())
                .setRequestConfigCallback(r -> r.setResponseTimeout(timeout).setConnectionRequestTimeout(timeout))
                .build());
    }

    void close(@Disposes OpenSearchClient client) throws IOException {
        client._transport().close();
    }

    private static HttpHost host(String url) {
        URI uri = URI.create(url.strip());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("query.index.urls: http(s) URLs only, not " + url);
        }
        return HttpHost.create(uri);
    }
}
