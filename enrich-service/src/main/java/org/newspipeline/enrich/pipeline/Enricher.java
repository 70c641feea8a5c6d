package org.newspipeline.enrich.pipeline;

import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.enrich.date.PublicationDate;
import org.newspipeline.enrich.date.PublicationDateResolver;
import org.newspipeline.enrich.entity.EntityRecognizer;
import org.newspipeline.enrich.entity.EntityResolver;
import org.newspipeline.enrich.language.LanguageDetector;
import org.newspipeline.enrich.source.SourceRegistry;
import org.newspipeline.enrich.source.SourceResolver;
import org.newspipeline.enrich.text.ArticleLayout;
import org.newspipeline.enrich.text.LayoutParser;
import org.newspipeline.enrich.text.WireText;

import java.time.Instant;

/** Raw article in, enriched article out: a pure function of the article and the loaded models. */
public final class Enricher {

    /** Raise when the logic changes what it produces, so consumers can tell records apart. */
    public static final int ENRICHMENT_VERSION = 2;

    private final LayoutParser layoutParser;
    private final SourceResolver sources;
    private final LanguageDetector languages;
    private final EntityRecognizer recognizer;
    private final EntityResolver entities;

    public Enricher(SourceRegistry registry, LanguageDetector languages, EntityRecognizer recognizer,
                    EntityResolver entities) {
        this.layoutParser = new LayoutParser(line -> registry.byClosingCredit(line).isPresent());
        this.sources = new SourceResolver(registry);
        this.languages = languages;
        this.recognizer = recognizer;
        this.entities = entities;
    }

    public EnrichedArticle enrich(RawArticle raw) {
        String text = WireText.clean(raw.body());
        ArticleLayout layout = layoutParser.parse(text, raw.title() == null ? null : WireText.clean(raw.title()));
        PublicationDate date = PublicationDateResolver.resolve(raw, text, layout.dateline());
        String language = raw.language() != null ? raw.language() : languages.detect(layout.body()).orElse(null);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw.id(), ENRICHMENT_VERSION, Instant.now(), raw.origin(),
                raw.receivedAt(), raw.url(), layout.title(), layout.body(), language,
                sources.resolve(raw, layout),
                layout.dateline().map(d -> new EnrichedArticle.Dateline(d.place(), d.raw())).orElse(null),
                date.at(), date.publication(), entities.resolve(layout.body(), recognizer.recognize(layout.body())));
    }
}
