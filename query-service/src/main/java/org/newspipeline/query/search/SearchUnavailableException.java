package org.newspipeline.query.search;

import java.sql.SQLException;

/** The database could not answer now: it is away, or the statement ran past its time limit. */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** PostgreSQL's query_canceled: the statement timeout fired. */
    public boolean timedOut() {
        return getCause() instanceof SQLException sql && "57014".equals(sql.getSQLState());
    }
}
