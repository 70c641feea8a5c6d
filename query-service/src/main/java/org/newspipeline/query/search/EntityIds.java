package org.newspipeline.query.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/** The ids of the entities a name or alias stands for (accent- and case-blind). */
@ApplicationScoped
public class EntityIds {

    private final EntityManager em;

    public EntityIds(EntityManager em) {
        this.em = em;
    }

    /** @param type PERSON, ORGANIZATION or LOCATION, or null for any */
    @SuppressWarnings("unchecked")
    public Long[] byAlias(String alias, String type) {
        List<Number> ids = em.createNativeQuery("""
                SELECT DISTINCT al.entity_id FROM entity_alias al JOIN entity e ON e.id = al.entity_id
                WHERE immutable_unaccent(lower(al.alias)) = immutable_unaccent(lower(:alias))
                  AND (CAST(:type AS text) IS NULL OR e.type = CAST(:type AS text))
                """).setParameter("alias", alias).setParameter("type", type).getResultList();
        return ids.stream().map(Number::longValue).toArray(Long[]::new);
    }
}
