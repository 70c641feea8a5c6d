package org.newspipeline.query.search;

import org.newspipeline.query.index.IndexDocument;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The entities a name or alias stands for (accent- and case-blind), from PostgreSQL's entity
 * directory: every alias any article gave an entity counts, not only those of the article at hand.
 */
final class EntityKeys {

    private EntityKeys() {
    }

    /**
     * @param type PERSON, ORGANIZATION or LOCATION, or null for any
     * @return each entity as the search index keys it: its type and canonical name
     */
    static List<String> byAlias(Connection c, String alias, String type) throws SQLException {
        return Sql.of("""
                        SELECT DISTINCT e.type, e.name FROM entity_alias al JOIN entity e ON e.id = al.entity_id
                        WHERE immutable_unaccent(lower(al.alias)) = immutable_unaccent(lower(?))
                          AND (CAST(? AS text) IS NULL OR e.type = CAST(? AS text))""", alias, type, type)
                .list(c, rs -> IndexDocument.key(rs.getString("type"), rs.getString("name")));
    }
}
