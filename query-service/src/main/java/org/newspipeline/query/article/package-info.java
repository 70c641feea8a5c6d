/**
 * The stored articles. One way to PostgreSQL per concern:
 * <ul>
 * <li>reads by key and small listings: a Panache repository ({@link org.newspipeline.query.article.ArticleRepository});</li>
 * <li>writes and lookups whose point is PostgreSQL itself (the version-guarded upsert with its
 * search vector, alias lookups with unaccent and pg_trgm): native SQL through the
 * {@code EntityManager}, in one store or directory class per concern ({@link
 * org.newspipeline.query.article.ArticleStore}, {@code entity.EntityDirectory});</li>
 * <li>search: plain JDBC ({@code search.ArticleSearch}), where binding the parsed tsquery and
 * per-request planning matter.</li>
 * </ul>
 * Resources hold no SQL.
 */
package org.newspipeline.query.article;
