package org.newspipeline.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One article's work in the trace its record carries. Ingest's publish writes the trace context into
 * the record's headers ({@code traceparent}); a service that reads records a polled batch at a time
 * starts a span per article under that context, so that an article's way through ingest, enrich and
 * query is one trace whatever batch it travelled in. With the SDK off, spans record nothing.
 */
@ApplicationScoped
public class ArticleTraces {

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final OpenTelemetry telemetry;
    private final Tracer tracer;

    public ArticleTraces(OpenTelemetry telemetry) {
        this.telemetry = telemetry;
        this.tracer = telemetry.getTracer("org.newspipeline");
    }

    /**
     * Starts {@code work} on the record's article, a child of the context its headers carry (a trace
     * of its own when they carry none). The caller ends it.
     */
    public Span start(String work, ConsumerRecord<String, ?> record) {
        Context parent = telemetry.getPropagators().getTextMapPropagator().extract(Context.root(), record.headers(), HEADERS);
        return tracer.spanBuilder(work).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("article.id", record.key() == null ? "" : record.key())
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }
}
