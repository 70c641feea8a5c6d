package org.newspipeline.query.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Materializes enriched articles. The upsert is idempotent: the same record twice changes nothing,
 * and a record from an older enrichment version never overwrites a newer one.
 */
@ApplicationScoped
public class ArticleStore {

    private static final String UPSERT = """
            INSERT INTO article (id, enrichment_version, title, body, url, source_name, source_kind, language,
                                 dateline_place, published_at, received_at, document, search_vector)
            VALUES (:id, :version, CAST(:title AS text), :body, CAST(:url AS text), CAST(:sourceName AS text),
                    CAST(:sourceKind AS text), CAST(:language AS text), CAST(:datelinePlace AS text),
                    CAST(:publishedAt AS timestamptz), CAST(:receivedAt AS timestamptz), CAST(:document AS jsonb),
                    setweight(to_tsvector('english', immutable_unaccent(coalesce(CAST(:title AS text), ''))), 'A')
                    || setweight(to_tsvector('english', immutable_unaccent(:entityNames)), 'B')
                    || setweight(to_tsvector('english', immutable_unaccent(:body)), 'C'))
            ON CONFLICT (id) DO UPDATE SET
                enrichment_version = EXCLUDED.enrichment_version, title = EXCLUDED.title, body = EXCLUDED.body,
                url = EXCLUDED.url, source_name = EXCLUDED.source_name, source_kind = EXCLUDED.source_kind,
                language = EXCLUDED.language, dateline_place = EXCLUDED.dateline_place,
                published_at = EXCLUDED.published_at, received_at = EXCLUDED.received_at,
                document = EXCLUDED.document, search_vector = EXCLUDED.search_vector, stored_at = now()
            WHERE article.enrichment_version <= EXCLUDED.enrichment_version
              AND article.document IS DISTINCT FROM EXCLUDED.document
            """;

    private final EntityManager em;

    public ArticleStore(EntityManager em) {
        this.em = em;
    }

    /** @return true when the row was inserted or changed */
    @Transactional
    public boolean upsert(EnrichedArticle a) {
        String entityNames = a.entities().stream()
                .map(e -> e.name() + " " + String.join(" ", e.aliases()))
                .collect(Collectors.joining(" "));
        return em.createNativeQuery(UPSERT)
                .setParameter("id", a.id())
                .setParameter("version", a.enrichmentVersion())
                .setParameter("title", a.title())
                .setParameter("body", a.body())
                .setParameter("url", a.url())
                .setParameter("sourceName", a.source() == null ? null : a.source().name())
                .setParameter("sourceKind", a.source() == null ? null : a.source().kind().name())
                .setParameter("language", a.language())
                .setParameter("datelinePlace", a.dateline() == null ? null : a.dateline().place())
                .setParameter("publishedAt", timestamp(a.publishedAt()))
                .setParameter("receivedAt", timestamp(a.receivedAt()))
                .setParameter("document", new String(ContractJson.write(a), StandardCharsets.UTF_8))
                .setParameter("entityNames", entityNames)
                .executeUpdate() > 0;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
