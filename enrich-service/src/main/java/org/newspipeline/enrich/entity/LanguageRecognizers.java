package org.newspipeline.enrich.entity;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How the service recognizes entities in each language it has a model for: that language's CRF
 * with the catalog beside it. A model is loaded when the first article in its language arrives
 * (a model takes seconds to load and a large share of the heap, which a stream without that language never pays).
 */
public final class LanguageRecognizers {

    private static final Map<String, String> MODELS = Map.of(
            "en", CrfEntityRecognizer.ENGLISH,
            "de", CrfEntityRecognizer.GERMAN,
            "es", CrfEntityRecognizer.SPANISH,
            "fr", CrfEntityRecognizer.FRENCH);

    private final Supplier<EntityCatalog> catalogs;
    private final Set<String> languages;
    private final Map<String, EntityRecognizer> loaded = new ConcurrentHashMap<>();

    /**
     * @param catalogs  the catalog as it stands now (corrections arrive while the service runs)
     * @param languages the languages whose model may be loaded (English always is: it reads texts of no clear language)
     */
    public LanguageRecognizers(Supplier<EntityCatalog> catalogs, Set<String> languages) {
        this.catalogs = catalogs;
        Set<String> unknown = languages.stream().filter(l -> !MODELS.containsKey(l)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no entity model for " + unknown + "; there are models for " + MODELS.keySet());
        }
        this.languages = Stream.concat(languages.stream(), Stream.of("en")).collect(Collectors.toUnmodifiableSet());
    }

    /** All the models there are. */
    public static LanguageRecognizers all(Supplier<EntityCatalog> catalogs) {
        return new LanguageRecognizers(catalogs, MODELS.keySet());
    }

    /** Whether there is an entity model for the language at all (loaded or not). */
    public static boolean hasModel(String language) {
        return MODELS.containsKey(language);
    }

    public Optional<EntityRecognizer> forLanguage(String language) {
        String model = language == null || !languages.contains(language) ? null : MODELS.get(language);
        if (model == null) {
            return Optional.empty();
        }
        return Optional.of(loaded.computeIfAbsent(language,
                l -> new CatalogAwareRecognizer(CrfEntityRecognizer.load(model), catalogs)));
    }
}
