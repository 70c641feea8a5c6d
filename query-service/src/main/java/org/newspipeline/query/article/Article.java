package org.newspipeline.query.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One materialized article. Written only by {@link ArticleStore}'s upsert (which also computes the
 * search vector); read through {@link ArticleRepository}.
 */
@Entity
@Table(name = "article")
public class Article {

    @Id
    public String id;

    @Column(name = "enrichment_version")
    public int enrichmentVersion;

    public String title;

    public String body;

    public String url;

    @Column(name = "source_name")
    public String sourceName;

    public String language;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The enriched article exactly as it was published on {@code articles.enriched}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String document;
}
