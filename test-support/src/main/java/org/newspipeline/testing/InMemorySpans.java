package org.newspipeline.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The spans a service under test records, kept in memory for the test to inject and read: tests
 * turn the OTLP exporter off, and Quarkus hands every span to the exporters it finds as beans
 * (this jar's beans.xml makes this one).
 */
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
