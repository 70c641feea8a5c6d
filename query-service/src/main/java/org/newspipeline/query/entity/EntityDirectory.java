package org.newspipeline.query.entity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Entities by name or alias: autocomplete, and one entity with its company. */
@ApplicationScoped
public class EntityDirectory {

    public record Suggestion(String name, String type, String countryCode, long articles) {
    }

    public record Details(String name, String type, String countryCode, List<String> aliases, long articles,
                          List<Suggestion> coOccurring) {
    }

    private final EntityManager em;

    public EntityDirectory(EntityManager em) {
        this.em = em;
    }

    /**
     * Entities one of whose names starts with the prefix (accent- and case-blind), then names
     * merely like it (pg_trgm similarity, for typos: "Guteres"); most mentioned first within each.
     */
    @SuppressWarnings("unchecked")
    public List<Suggestion> complete(String prefix, String type, int limit) {
        String probe = prefix == null ? "" : prefix.strip();
        String pattern = probe.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Tuple> rows = em.createNativeQuery("""
                WITH hits AS (
                    SELECT al.entity_id,
                           max(CASE WHEN immutable_unaccent(lower(al.alias)) LIKE immutable_unaccent(lower(:pattern)) THEN 2.0
                                    ELSE similarity(immutable_unaccent(lower(al.alias)), immutable_unaccent(lower(:probe))) END) AS score
                    FROM entity_alias al
                    WHERE immutable_unaccent(lower(al.alias)) LIKE immutable_unaccent(lower(:pattern))
                       OR immutable_unaccent(lower(al.alias)) % immutable_unaccent(lower(:probe))
                    GROUP BY al.entity_id)
                SELECT e.name, e.type, e.country_code, (SELECT count(*) FROM article_entity ae WHERE ae.entity_id = e.id) AS n
                FROM hits JOIN entity e ON e.id = hits.entity_id
                WHERE (CAST(:type AS text) IS NULL OR e.type = CAST(:type AS text))
                  -- an entity no stored article mentions any more (after a correction and re-enrichment) is not suggested
                  AND EXISTS (SELECT 1 FROM article_entity ae WHERE ae.entity_id = e.id)
                ORDER BY hits.score DESC, n DESC, e.name
                LIMIT :limit
                """, Tuple.class).setParameter("pattern", pattern).setParameter("probe", probe)
                .setParameter("type", type).setParameter("limit", limit).getResultList();
        return rows.stream().map(EntityDirectory::suggestion).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<Details> byName(String nameOrAlias) {
        List<Tuple> found = em.createNativeQuery("""
                SELECT e.id, e.name, e.type, e.country_code,
                       (SELECT count(*) FROM article_entity ae WHERE ae.entity_id = e.id) AS n,
                       (SELECT array_to_string(array_agg(al2.alias ORDER BY al2.alias), chr(31))
                        FROM entity_alias al2 WHERE al2.entity_id = e.id) AS aliases
                FROM entity e JOIN entity_alias al ON al.entity_id = e.id
                WHERE immutable_unaccent(lower(al.alias)) = immutable_unaccent(lower(:name))
                ORDER BY n DESC LIMIT 1
                """, Tuple.class).setParameter("name", nameOrAlias).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Tuple e = found.get(0);
        List<Tuple> company = em.createNativeQuery("""
                SELECT o.name, o.type, o.country_code, count(*) AS n
                FROM article_entity mine JOIN article_entity other ON other.article_id = mine.article_id
                JOIN entity o ON o.id = other.entity_id
                WHERE mine.entity_id = :id AND other.entity_id <> :id
                GROUP BY o.id ORDER BY n DESC, o.name LIMIT 10
                """, Tuple.class).setParameter("id", ((Number) e.get("id")).longValue()).getResultList();
        String aliases = e.get("aliases", String.class);
        return Optional.of(new Details(e.get("name", String.class), e.get("type", String.class),
                e.get("country_code", String.class),
                aliases == null ? List.of() : Arrays.asList(aliases.split("\u001f")),
                ((Number) e.get("n")).longValue(), company.stream().map(EntityDirectory::suggestion).toList()));
    }

    private static Suggestion suggestion(Tuple t) {
        return new Suggestion(t.get(0, String.class), t.get(1, String.class), t.get(2, String.class),
                ((Number) t.get(3)).longValue());
    }
}
