package org.newspipeline.query.search;

import java.sql.Connection;
import java.sql.SQLException;

/** The ids of the entities a name or alias stands for (accent- and case-blind). */
final class EntityIds {

    private EntityIds() {
    }

    /** @param type PERSON, ORGANIZATION or LOCATION, or null for any */
    static Long[] byAlias(Connection c, String alias, String type) throws SQLException {
        return Sql.of("""
                        SELECT DISTINCT al.entity_id FROM entity_alias al JOIN entity e ON e.id = al.entity_id
                        WHERE immutable_unaccent(lower(al.alias)) = immutable_unaccent(lower(?))
                          AND (CAST(? AS text) IS NULL OR e.type = CAST(? AS text))""", alias, type, type)
                .list(c, rs -> rs.getLong("entity_id")).toArray(Long[]::new);
    }
}
