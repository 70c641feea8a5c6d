package org.newspipeline.enrich.pipeline;

import org.newspipeline.contract.ArticleDates;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.LanguageCodes;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.TextSignature;
import org.newspipeline.enrich.date.PublicationDate;
import org.newspipeline.enrich.date.PublicationDateResolver;
import org.newspipeline.enrich.entity.BoundedRecognition;
import org.newspipeline.enrich.entity.EntityCatalog;
import org.newspipeline.enrich.entity.EntityRecognizer;
import org.newspipeline.enrich.entity.EntityResolver;
import org.newspipeline.enrich.entity.LanguageRecognizers;
import org.newspipeline.enrich.language.LanguageDetector;
import org.newspipeline.enrich.language.LanguageDetector.Detection;
import org.newspipeline.enrich.source.SourceRegistry;
import org.newspipeline.enrich.source.SourceResolver;
import org.newspipeline.enrich.text.ArticleLayout;
import org.newspipeline.enrich.text.LayoutParser;
import org.newspipeline.enrich.text.NameLists;
import org.newspipeline.enrich.text.WireText;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Raw article in, enriched article out: a pure function of the article and the loaded models.
 * Its cost is bounded whatever the text ({@link BoundedRecognition}); every cut is recorded in
 * {@link EnrichedArticle#skipped()}.
 */
public final class Enricher {

    /** Raise when the logic changes what it produces, so consumers can tell records apart. */
    public static final int ENRICHMENT_VERSION = 8;

    private final LayoutParser layoutParser;
    private final SourceResolver sources;
    private final LanguageDetector languages;
    private final LanguageRecognizers recognizers;
    private final EntityResolver entities;
    private final Clock clock = Clock.systemUTC();

    public Enricher(SourceRegistry registry, LanguageDetector languages, LanguageRecognizers recognizers,
                    EntityResolver entities) {
        this.layoutParser = new LayoutParser(line -> registry.byClosingCredit(line).isPresent());
        this.sources = new SourceResolver(registry);
        this.languages = languages;
        this.recognizers = recognizers;
        this.entities = entities;
    }

    /**
     * The service's enricher: bundled models, each language's CRF with the catalog beside it.
     *
     * @param catalogs        the entity catalog as it stands at each call (corrections arrive while it runs)
     * @param entityLanguages the languages whose entity model may be loaded
     */
    public static Enricher standard(SourceRegistry registry, Supplier<EntityCatalog> catalogs, Set<String> entityLanguages) {
        return new Enricher(registry, LanguageDetector.load(), new LanguageRecognizers(catalogs, entityLanguages),
                new EntityResolver(catalogs));
    }

    public EnrichedArticle enrich(RawArticle raw) {
        String text = WireText.clean(raw.body());
        ArticleLayout layout = layoutParser.parse(text, raw.title() == null ? null : WireText.clean(raw.title()));
        PublicationDate date = plausible(PublicationDateResolver.resolve(raw, text, layout.dateline()));
        // The title counts (a feed item's summary alone can be too short to tell), but not twice.
        // Any producer may write a raw article: a stated language that is no code is not taken.
        Detection language = LanguageCodes.normalize(raw.language()).map(Detection::stated)
                .orElseGet(() -> languages.detect(layout.titleAndBody()).orElse(null));
        List<String> skipped = new ArrayList<>();
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw.id(), ENRICHMENT_VERSION, clock.instant(), raw.origin(),
                raw.receivedAt(), raw.url(), layout.title(), layout.body(),
                language == null || !language.named() ? null : language.language(),
                sources.resolve(raw, layout),
                layout.dateline().map(d -> new EnrichedArticle.Dateline(d.place(), d.raw())).orElse(null),
                date.at(), date.publication(), entities(layout.body(), language, skipped), skipped,
                TextSignature.of(layout.body()));
    }

    /**
     * Entities by the recognizer of {@link #modelLanguage}; a language stated or detected beyond doubt
     * that has no recognizer gets none, and so does a text whose likeliest language is another with
     * a model of its own (a short German text read by the English model gives weekdays as people).
     */
    private List<EnrichedArticle.Entity> entities(String body, Detection language, List<String> skipped) {
        String model = modelLanguage(language, body);
        if (model == null) {
            skipped.add("entities: language uncertain, likeliest '" + language.language() + "' (entityLanguage: uncertain);"
                    + " none are guessed with another language's model");
            return List.of();
        }
        EntityRecognizer recognizer = recognizers.forLanguage(model).orElse(null);
        if (recognizer == null) {
            // An English model reads capitalised foreign words ("Projekte", "Comunicado") as names.
            skipped.add("entities: no recognizer for language '" + language.language() + "' (entityLanguage: unsupported);"
                    + " none are guessed with another language's model");
            return List.of();
        }
        BoundedRecognition.Result recognition = BoundedRecognition.run(recognizer, body);
        skipped.addAll(recognition.skipped());
        return entities.resolve(recognition.searched(), recognition.mentions(), model);
    }

    /**
     * Whose model reads an article: its language's when stated or detected beyond doubt. A doubtful
     * text is read by the model of the language its little words belong to. When they do not say:
     * a list of names (a line-up, a results table) by the English model, trained on wire copy full of
     * them; a short text whose likeliest language is another with a model by that model, never the
     * English one (it reads German nouns as names: "Montag", "Stadt München" as people); a longer
     * doubtful one so likely of another language by none (a Reuters results table, "Shr 81 cts vs 81
     * cts", is "French" at low confidence); anything else, of no language known, by the English one.
     */
    static String modelLanguage(Detection language, String text) {
        if (language == null || language.sure()) {
            return language == null ? "en" : language.language();
        }
        if (language.byWords() != null) {
            return language.byWords();
        }
        boolean likelyOtherModel = !language.language().equals("en") && LanguageRecognizers.hasModel(language.language());
        if (!likelyOtherModel || NameLists.isList(text)) {
            return "en";
        }
        return language.named() ? null : language.language();
    }

    /** A date before 1800 or days ahead is a wrong date, not news: dropped, and the conflict recorded. */
    private PublicationDate plausible(PublicationDate date) {
        if (date.at() == null || ArticleDates.isPlausible(date.at(), clock)) {
            return date;
        }
        EnrichedArticle.Publication p = date.publication();
        List<String> conflicts = new ArrayList<>(p.conflicts());
        conflicts.add("implausible date " + date.at() + " dropped");
        return new PublicationDate(null, new EnrichedArticle.Publication(p.precision(), p.source(), 0, conflicts));
    }
}
