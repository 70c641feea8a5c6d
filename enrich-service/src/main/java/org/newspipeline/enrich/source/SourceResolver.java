package org.newspipeline.enrich.source;

import org.newspipeline.contract.ArticleOrigin;
import org.newspipeline.contract.EnrichedArticle.Source;
import org.newspipeline.contract.EnrichedArticle.Source.Evidence;
import org.newspipeline.contract.EnrichedArticle.Source.Kind;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.enrich.text.ArticleLayout;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Names who published an article. Evidence in order of trust: the source directory entry the item
 * was fetched for, what the feed or client said, the
 * dateline's credit ("/TASS/", "(BelTA)"), a closing credit ("Reuter"), a photo credit, a text
 * marker ("Security Council, 8967th Meeting"), the URL's host.
 */
public final class SourceResolver {

    private final SourceRegistry registry;

    public SourceResolver(SourceRegistry registry) {
        this.registry = registry;
    }

    public Source resolve(RawArticle raw, ArticleLayout layout) {
        if (raw.outlet() != null && raw.outlet().name() != null && !raw.outlet().name().isBlank()) {
            return new Source(raw.outlet().name().strip(), kind(raw.outlet().kind()), Evidence.FEED);
        }
        boolean fromFeed = ArticleOrigin.parse(raw.origin()).kind() == ArticleOrigin.Kind.FEED;
        if (fromFeed) {
            // A feed's title names the feed ("heise developer neueste Meldungen"); the link's host names the outlet.
            Optional<Source> outlet = host(raw.url()).flatMap(registry::byHost).map(s -> source(s, Evidence.URL));
            if (outlet.isPresent()) {
                return outlet.get();
            }
        }
        if (raw.source() != null && !raw.source().isBlank()) {
            Evidence evidence = fromFeed ? Evidence.FEED : Evidence.REQUEST;
            return registry.byAlias(raw.source())
                    .map(known -> source(known, evidence))
                    .orElseGet(() -> new Source(raw.source().strip(), Kind.OUTLET, evidence));
        }
        return Stream.<Function<ArticleLayout, Optional<Source>>>of(
                        l -> l.dateline().flatMap(d -> d.credit()).flatMap(registry::byAlias)
                                .map(s -> source(s, Evidence.DATELINE)),
                        l -> l.closingCredit().flatMap(registry::byClosingCredit).map(s -> source(s, Evidence.CREDIT)),
                        l -> l.photoCredits().stream().map(SourceResolver::creditedAgency).flatMap(Optional::stream)
                                .map(registry::byAlias).flatMap(Optional::stream).findFirst()
                                .map(s -> source(s, Evidence.CREDIT)),
                        l -> registry.byMarker(raw.body()).map(s -> source(s, Evidence.CREDIT)),
                        l -> host(raw.url()).flatMap(registry::byHost).map(s -> source(s, Evidence.URL)))
                .map(rule -> rule.apply(layout))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(Source.UNKNOWN);
    }

    private static Kind kind(org.newspipeline.contract.Source.Kind directoryKind) {
        return switch (directoryKind == null ? org.newspipeline.contract.Source.Kind.OTHER : directoryKind) {
            case AGENCY -> Kind.AGENCY;
            case GOVERNMENT, ORGANIZATION -> Kind.ORGANIZATION;
            case OUTLET, BLOG, OTHER -> Kind.OUTLET;
        };
    }

    /** "© Alexander Shcherbak/TASS" credits TASS. */
    private static Optional<String> creditedAgency(String photoCredit) {
        int slash = photoCredit.lastIndexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(photoCredit.substring(slash + 1).strip());
    }

    private static Optional<String> host(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(URI.create(url.strip()).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Source source(KnownSource known, Evidence evidence) {
        return new Source(known.name(), known.kind(), evidence);
    }
}
