package org.newspipeline.ingest.source;

import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.CountryCodes;
import org.newspipeline.contract.LanguageCodes;
import org.newspipeline.contract.Source;
import org.newspipeline.contract.SourceHealth;
import org.newspipeline.contract.WebUrls;
import org.newspipeline.ingest.config.IngestConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The directory's rules: what a source may hold (web URLs only, in their normal form; ISO codes;
 * bounded lists), ids made from the homepage's host, one feed belonging to one source, and the
 * list's filters. Writes through one replica are made one at a time, so two creates of one id or
 * one feed cannot both pass the checks; writes through two replicas at the same moment can (the
 * later one wins).
 */
@ApplicationScoped
public class SourceDirectory {

    static final int MAX_FEEDS = 50;
    static final int MAX_NAME_CHARS = 200;
    static final int MAX_URL_CHARS = 2048;
    private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    /** Paths under /sources that are not sources. */
    private static final java.util.Set<String> RESERVED_IDS = java.util.Set.of("opml");

    /** A filter of the list; null fields do not filter. {@code q} matches name, id or homepage. */
    public record Filter(String q, String country, String language, Source.Kind kind, FeedStatus.Health health,
                         Boolean paused) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null);
    }

    private final SourceTopics topics;
    private final int max;

    public SourceDirectory(SourceTopics topics, IngestConfig config) {
        this.topics = topics;
        this.max = config.sources().max();
    }

    public Optional<Source> get(String id) {
        return topics.source(id);
    }

    /** The sources the filter takes, by id, each with its health (worked out once). */
    public List<SourceHealth> list(Filter filter) {
        String q = filter.q() == null ? null : filter.q().toLowerCase(Locale.ROOT);
        return topics.sources().stream()
                .filter(s -> q == null || s.id().contains(q) || s.name().toLowerCase(Locale.ROOT).contains(q)
                        || s.homepage().toLowerCase(Locale.ROOT).contains(q))
                .filter(s -> filter.country() == null || filter.country().equalsIgnoreCase(s.country()))
                .filter(s -> filter.language() == null || filter.language().equalsIgnoreCase(s.language()))
                .filter(s -> filter.kind() == null || filter.kind() == s.kind())
                .filter(s -> filter.paused() == null || filter.paused() == s.paused())
                .map(this::view)
                .filter(h -> filter.health() == null || h.health() == filter.health())
                .sorted(Comparator.comparing(h -> h.source().id()))
                .toList();
    }

    public SourceHealth view(Source source) {
        return topics.health(source);
    }

    /** Creates a source (409 when the id or one of its feeds is taken). */
    public synchronized Source create(SourceRequest request) {
        Source source = validate(request, request.id() == null ? freeId(request.homepage()) : request.id());
        if (topics.source(source.id()).isPresent()) {
            throw new InvalidSourceException(409, "a source with id '" + source.id() + "' exists; PUT /sources/" + source.id() + " changes it");
        }
        if (topics.size() >= max) {
            throw new InvalidSourceException(409, "the directory holds its most sources (" + max + ", ingest.sources.max)");
        }
        topics.put(source);
        return source;
    }

    /** How an import went: sources created, sources that got more feeds, those that had them all, and what was refused. */
    public record ImportResult(int created, int updated, int unchanged, List<String> rejected) {
    }

    /**
     * Adds what an import lists: a new source per new homepage (written together), more feeds to a
     * source with the same homepage; a source the directory cannot take is reported, not fatal.
     */
    public synchronized ImportResult importAll(List<SourceRequest> requests) {
        java.util.Map<String, Source> byHomepage = new java.util.HashMap<>();
        topics.sources().forEach(s -> byHomepage.putIfAbsent(s.homepage(), s));
        java.util.Set<String> takenIds = new java.util.HashSet<>();
        java.util.Set<String> takenFeeds = new java.util.HashSet<>();
        List<Source> created = new ArrayList<>();
        int updated = 0;
        int unchanged = 0;
        List<String> rejected = new ArrayList<>();
        for (SourceRequest request : requests) {
            try {
                SourceRequest r = new SourceRequest(request.id(), request.name(), url("homepage", request.homepage()),
                        request.country(), request.language(), request.kind(), urls("feeds", request.feeds()),
                        request.sitemaps(), request.perHostDelay(), request.paused());
                Source existing = byHomepage.get(r.homepage());
                List<String> added = existing == null ? r.feeds()
                        : r.feeds().stream().filter(f -> !existing.feeds().contains(f)).toList();
                if (added.stream().anyMatch(takenFeeds::contains)) {
                    throw new InvalidSourceException(409, "feeds: listed for two sites in this import");
                }
                if (existing == null) {
                    if (topics.size() + created.size() >= max) {
                        throw new InvalidSourceException(409, "the directory holds its most sources (" + max + ", ingest.sources.max)");
                    }
                    Source source = validate(r, freeId(r.homepage(), takenIds));
                    takenIds.add(source.id());
                    created.add(source);
                    byHomepage.put(source.homepage(), source);
                } else if (added.isEmpty()) {
                    unchanged++;
                } else {
                    List<String> feeds = new ArrayList<>(existing.feeds());
                    feeds.addAll(added);
                    byHomepage.put(existing.homepage(), update(existing.id(),
                            new SourceRequest(null, null, null, null, null, null, feeds, null, null, null)));
                    updated++;
                }
                takenFeeds.addAll(added);
            } catch (InvalidSourceException e) {
                rejected.add(request.homepage() + ": " + e.getMessage());
            }
        }
        topics.putAll(created);
        return new ImportResult(created.size(), updated, unchanged, rejected);
    }

    /** Replaces a source's fields with the request's (absent ones keep their value). */
    public synchronized Source update(String id, SourceRequest request) {
        Source before = topics.source(id).orElseThrow(() -> new InvalidSourceException(404, "no source '" + id + "'"));
        if (request.id() != null && !request.id().equals(id)) {
            throw new InvalidSourceException(400, "id: a source's id cannot change (it is '" + id + "')");
        }
        Source source = validate(merge(before, request), id);
        topics.put(source);
        return source;
    }

    public synchronized Source pause(String id, boolean paused) {
        Source before = topics.source(id).orElseThrow(() -> new InvalidSourceException(404, "no source '" + id + "'"));
        Source after = before.withPaused(paused, Instant.now());
        topics.put(after);
        return after;
    }

    public synchronized void delete(String id) {
        Source source = topics.source(id).orElseThrow(() -> new InvalidSourceException(404, "no source '" + id + "'"));
        topics.delete(source);
    }

    /** An id for a homepage's host not yet taken: {@code www.reuters.com} gives {@code reuters-com}. */
    public String freeId(String homepage) {
        return freeId(homepage, java.util.Set.of());
    }

    private String freeId(String homepage, java.util.Set<String> alsoTaken) {
        String host = WebUrls.host(homepage).orElse("source").replaceFirst("^www\\.", "");
        String base = host.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        base = base.isEmpty() ? "source" : base.substring(0, Math.min(56, base.length())).replaceAll("-+$", "");
        String id = base;
        for (int n = 2; topics.source(id).isPresent() || alsoTaken.contains(id) || RESERVED_IDS.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static SourceRequest merge(Source s, SourceRequest r) {
        return new SourceRequest(s.id(), r.name() != null ? r.name() : s.name(), r.homepage() != null ? r.homepage() : s.homepage(),
                r.country() != null ? r.country() : s.country(), r.language() != null ? r.language() : s.language(),
                r.kind() != null ? r.kind() : s.kind().name(), r.feeds() != null ? r.feeds() : s.feeds(),
                r.sitemaps() != null ? r.sitemaps() : s.sitemaps(), r.perHostDelay() != null ? r.perHostDelay() : s.perHostDelay(),
                r.paused() != null ? r.paused() : s.paused());
    }

    /** @param id the source's id: given, made for a new one, or the existing one's */
    private Source validate(SourceRequest r, String id) {
        if (r.homepage() == null) {
            throw new InvalidSourceException(400, "homepage: required, an http(s) URL");
        }
        String homepage = url("homepage", r.homepage());
        if (!ID.matcher(id).matches() || RESERVED_IDS.contains(id)) {
            throw new InvalidSourceException(400, "id: lower-case letters, digits and hyphens, at most 64, not starting or"
                    + " ending with a hyphen, not " + RESERVED_IDS);
        }
        String name = r.name() == null || r.name().isBlank() ? WebUrls.host(homepage).orElse(homepage) : r.name().strip();
        if (name.length() > MAX_NAME_CHARS || name.codePoints().anyMatch(SourceDirectory::unfitForText)) {
            throw new InvalidSourceException(400, "name: at most " + MAX_NAME_CHARS + " characters, no control characters,"
                    + " unpaired surrogates or non-characters");
        }
        if (r.country() != null && CountryCodes.normalize(r.country()).isEmpty()) {
            throw new InvalidSourceException(400, "country: an ISO 3166-1 alpha-2 code such as GB");
        }
        String language = null;
        if (r.language() != null) {
            language = LanguageCodes.normalize(r.language())
                    .orElseThrow(() -> new InvalidSourceException(400, "language: an ISO 639-1 code such as en"));
        }
        if (r.perHostDelay() != null && (r.perHostDelay() < 0 || r.perHostDelay() > 3600)) {
            throw new InvalidSourceException(400, "perHostDelay: seconds from 0 to 3600");
        }
        Source.Kind kind = kind(r.kind());
        List<String> feeds = urls("feeds", r.feeds());
        List<String> sitemaps = urls("sitemaps", r.sitemaps());
        for (String url : java.util.stream.Stream.concat(feeds.stream(), sitemaps.stream()).distinct().toList()) {
            Optional<String> owner = topics.listedBy(url).filter(other -> !other.equals(id));
            if (owner.isPresent()) {
                throw new InvalidSourceException(409, (feeds.contains(url) ? "feeds: " : "sitemaps: ") + url
                        + " belongs to source '" + owner.get() + "'");
            }
        }
        return new Source(Source.SCHEMA_VERSION, id, name, homepage, r.country() == null ? null : r.country().toUpperCase(Locale.ROOT),
                language, kind, feeds, sitemaps, r.perHostDelay(), Boolean.TRUE.equals(r.paused()), Instant.now());
    }

    /** A kind named in any case; absent means an outlet. */
    public static Source.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return Source.Kind.OUTLET;
        }
        try {
            return Source.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceException(400, "kind: one of " + java.util.Arrays.toString(Source.Kind.values()).toLowerCase(Locale.ROOT));
        }
    }

    private static List<String> urls(String field, List<String> urls) {
        if (urls == null) {
            return List.of();
        }
        if (urls.size() > MAX_FEEDS) {
            throw new InvalidSourceException(400, field + ": at most " + MAX_FEEDS);
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String url : urls) {
            distinct.add(url(field, url));
        }
        return List.copyOf(distinct);
    }

    /** A URL as kept: in its normal form ({@link WebUrls#normalize}), so that two spellings of one feed are one. */
    private static String url(String field, String url) {
        if (url == null) {
            throw new InvalidSourceException(400, field + ": null is not an http(s) URL");
        }
        String u = url.strip();
        if (u.length() > MAX_URL_CHARS) {
            throw new InvalidSourceException(400, field + ": longer than " + MAX_URL_CHARS + " characters");
        }
        try {
            String normal = WebUrls.normalize(u);
            java.net.URI.create(normal);
            return normal;
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceException(400, field + ": " + abbreviate(u) + ": " + e.getMessage());
        }
    }

    /** Control characters, a surrogate not in a pair, and Unicode's non-characters (U+FFFE, U+FDD0...): no text holds them. */
    private static boolean unfitForText(int cp) {
        return Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE
                || (cp & 0xFFFE) == 0xFFFE || cp >= 0xFDD0 && cp <= 0xFDEF;
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }
}
