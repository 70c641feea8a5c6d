package org.newspipeline.contract;

/** Consumers read every schema version up to the one they were built with, and refuse newer ones. */
final class SchemaVersions {

    private SchemaVersions() {
    }

    static void requireSupported(int version, int newestKnown, String payload) {
        if (version < 1 || version > newestKnown) {
            throw new IllegalArgumentException(
                    payload + " schemaVersion " + version + " is not supported (1.." + newestKnown + ")");
        }
    }
}
