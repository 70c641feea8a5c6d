package org.newspipeline.query.story;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.contract.EnrichedArticle;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Story assignments in PostgreSQL, made in a transaction that also covers what depends on them. */
@ApplicationScoped
public class StoryStore {

    private final AgroalDataSource db;

    public StoryStore(AgroalDataSource db) {
        this.db = db;
    }

    /**
     * Assigns the articles, then runs {@code then} with the result (writing them to the search
     * index), and commits only when it succeeded: the assignment lock is held until then, so that
     * no other replica moves these articles' stories between the assignment and the write.
     */
    public <T> T assignThen(List<EnrichedArticle> articles, Collection<String> deletedIds, Then<T> then) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = then.apply(StoryAssigner.assign(c, articles, deletedIds), c);
                c.commit();
                return result;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoryStoreException(e);
        }
    }

    /** What runs in the assignment's transaction, on its connection, once the batch is assigned. */
    public interface Then<T> {
        T apply(StoryAssigner.Assigned assigned, Connection c) throws SQLException;
    }

    /** Where these articles are (each alone when never assigned). */
    public Map<String, StoryAssignment> places(List<String> ids) {
        try (Connection c = db.getConnection()) {
            return StoryAssigner.places(c, ids);
        } catch (SQLException e) {
            throw new StoryStoreException(e);
        }
    }
}
