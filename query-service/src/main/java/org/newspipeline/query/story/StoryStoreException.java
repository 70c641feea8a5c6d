package org.newspipeline.query.story;

import java.sql.SQLException;

/** PostgreSQL failed while stories were assigned or read; {@code StoreFailure} tells whether the data or the database. */
public class StoryStoreException extends RuntimeException {

    public StoryStoreException(SQLException cause) {
        super("stories: " + cause.getMessage(), cause);
    }
}
