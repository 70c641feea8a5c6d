package org.newspipeline.query.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Materializes enriched articles. The upsert is idempotent: the same record twice changes nothing,
 * a record from an older enrichment version (or, at the same version, enriched earlier) never
 * overwrites a newer one, and a tombstone deletes the article. Searches are OpenSearch's (the
 * index package), from the same topic.
 */
@ApplicationScoped
public class ArticleStore {

    private static final String UPSERT = """
            INSERT INTO article (id, enrichment_version, enriched_at, title, body, url, source_name, source_kind,
                                 language, dateline_place, published_at, received_at, document)
            VALUES (:id, :version, CAST(:enrichedAt AS timestamptz), CAST(:title AS text), :body, CAST(:url AS text),
                    CAST(:sourceName AS text), CAST(:sourceKind AS text), CAST(:language AS text),
                    CAST(:datelinePlace AS text), CAST(:publishedAt AS timestamptz), CAST(:receivedAt AS timestamptz),
                    CAST(:document AS jsonb))
            ON CONFLICT (id) DO UPDATE SET
                enrichment_version = EXCLUDED.enrichment_version, enriched_at = EXCLUDED.enriched_at,
                title = EXCLUDED.title, body = EXCLUDED.body, url = EXCLUDED.url, source_name = EXCLUDED.source_name,
                source_kind = EXCLUDED.source_kind, language = EXCLUDED.language,
                dateline_place = EXCLUDED.dateline_place, published_at = EXCLUDED.published_at,
                received_at = EXCLUDED.received_at, document = EXCLUDED.document, stored_at = now()
            WHERE (article.enrichment_version, coalesce(article.enriched_at, '-infinity'))
                  <= (EXCLUDED.enrichment_version, coalesce(EXCLUDED.enriched_at, '-infinity'))
              AND article.document IS DISTINCT FROM EXCLUDED.document
            RETURNING (xmax = 0) AS inserted
            """;

    private static final String UPSERT_ENTITY = """
            INSERT INTO entity (name, type, country_code) VALUES (?, ?, CAST(? AS text))
            ON CONFLICT (name, type) DO UPDATE SET country_code = coalesce(EXCLUDED.country_code, entity.country_code)
            RETURNING id
            """;

    private static final String INSERT_ALIAS = "INSERT INTO entity_alias (entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING";

    private static final String INSERT_MENTION = """
            INSERT INTO article_entity (article_id, entity_id, mentions, salience) VALUES (?, ?, ?, ?)
            ON CONFLICT (article_id, entity_id) DO UPDATE SET mentions = article_entity.mentions + EXCLUDED.mentions
            """;

    private final EntityManager em;

    public ArticleStore(EntityManager em) {
        this.em = em;
    }

    /** What a batch did: ids of the articles stored for the first time, and how many rows changed in all. */
    public record Applied(List<String> inserted, int changed) {
    }

    /**
     * Applies a batch in one transaction (one commit instead of one per article).
     *
     * @param deletions ids of articles to delete (tombstones)
     */
    @Transactional
    public Applied apply(List<EnrichedArticle> upserts, List<String> deletions) {
        List<String> inserted = new ArrayList<>();
        int changed = 0;
        for (EnrichedArticle a : upserts) {
            Optional<Boolean> stored = upsert(a);
            changed += stored.isPresent() ? 1 : 0;
            if (stored.orElse(false)) {
                inserted.add(a.id());
            }
        }
        for (String id : deletions) {
            changed += em.createNativeQuery("DELETE FROM article WHERE id = :id").setParameter("id", id).executeUpdate();
        }
        return new Applied(inserted, changed);
    }

    /** @return whether the article was inserted (true) or changed (false); empty when it stayed as it was */
    private Optional<Boolean> upsert(EnrichedArticle a) {
        List<?> rows = em.createNativeQuery(UPSERT)
                .setParameter("id", a.id())
                .setParameter("version", a.enrichmentVersion())
                .setParameter("enrichedAt", timestamp(a.enrichedAt()))
                .setParameter("title", a.title())
                .setParameter("body", a.body())
                .setParameter("url", a.url())
                .setParameter("sourceName", a.source() == null ? null : a.source().name())
                .setParameter("sourceKind", a.source() == null ? null : a.source().kind().name())
                .setParameter("language", a.language())
                .setParameter("datelinePlace", a.dateline() == null ? null : a.dateline().place())
                // Every article sorts by date: one without a publication date sorts by its arrival.
                .setParameter("publishedAt", timestamp(a.publishedAt() != null ? a.publishedAt()
                        : a.receivedAt() != null ? a.receivedAt() : Instant.now()))
                .setParameter("receivedAt", timestamp(a.receivedAt()))
                .setParameter("document", new String(ContractJson.write(a), StandardCharsets.UTF_8))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        replaceMentions(a);
        return Optional.of(Boolean.TRUE.equals(rows.get(0)));
    }

    /**
     * The article's mentions, replaced: one statement per entity for its id, then all its aliases and
     * all its mentions in one JDBC batch each (they were a round trip apiece: some thirty statements
     * for a story naming eight entities).
     */
    private void replaceMentions(EnrichedArticle a) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM article_entity WHERE article_id = ?");
                 PreparedStatement entity = c.prepareStatement(UPSERT_ENTITY);
                 PreparedStatement alias = c.prepareStatement(INSERT_ALIAS);
                 PreparedStatement mention = c.prepareStatement(INSERT_MENTION)) {
                delete.setString(1, a.id());
                delete.executeUpdate();
                for (EnrichedArticle.Entity e : a.entities()) {
                    long entityId = entityId(entity, e);
                    Set<String> aliases = new LinkedHashSet<>(e.aliases());
                    aliases.add(e.name());
                    for (String name : aliases) {
                        alias.setLong(1, entityId);
                        alias.setString(2, name);
                        alias.addBatch();
                    }
                    mention.setString(1, a.id());
                    mention.setLong(2, entityId);
                    mention.setInt(3, Math.max(1, e.mentions().size()));
                    mention.setFloat(4, (float) e.salience());
                    mention.addBatch();
                }
                alias.executeBatch();
                mention.executeBatch();
            }
        });
    }

    private static long entityId(PreparedStatement upsert, EnrichedArticle.Entity e) throws SQLException {
        upsert.setString(1, e.name());
        upsert.setString(2, e.type().name());
        upsert.setString(3, e.countryCode());
        try (ResultSet rs = upsert.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
