package org.newspipeline.enrich.entity;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How the service recognizes entities in each language it has a model for: that language's CRF
 * with the catalog beside it. A model is loaded when the first article in its language arrives
 * (the German CRF takes about 3 s and 190 MB of heap, which a stream without German never pays).
 */
public final class LanguageRecognizers {

    private static final Map<String, String> MODELS = Map.of(
            "en", CrfEntityRecognizer.ENGLISH,
            "de", CrfEntityRecognizer.GERMAN,
            "es", CrfEntityRecognizer.SPANISH,
            "fr", CrfEntityRecognizer.FRENCH);

    private final Supplier<EntityCatalog> catalogs;
    private final Map<String, EntityRecognizer> loaded = new ConcurrentHashMap<>();

    /** @param catalogs the catalog as it stands now (corrections arrive while the service runs) */
    public LanguageRecognizers(Supplier<EntityCatalog> catalogs) {
        this.catalogs = catalogs;
    }

    /** ISO 639-1 codes of the languages with a model. */
    public Set<String> languages() {
        return MODELS.keySet();
    }

    public Optional<EntityRecognizer> forLanguage(String language) {
        String model = language == null ? null : MODELS.get(language);
        if (model == null) {
            return Optional.empty();
        }
        return Optional.of(loaded.computeIfAbsent(language,
                l -> new CatalogAwareRecognizer(CrfEntityRecognizer.load(model), catalogs)));
    }
}
