package org.newspipeline.deadletter;

/** Another redrive of the same topic is under way (409): its progress is in the message. */
public class RedriveRunningException extends RuntimeException {

    public RedriveRunningException(String message) {
        super(message);
    }
}
