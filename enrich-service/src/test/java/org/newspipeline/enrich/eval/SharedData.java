package org.newspipeline.enrich.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Files of {@code ../shared/data} (not in the repository), from the repository root or a module. */
final class SharedData {

    private SharedData() {
    }

    /** The path under shared/data; it may not exist, callers say so or skip. */
    static Path resolve(String relative) {
        for (Path base : List.of(Path.of("../shared/data"), Path.of("../../shared/data"))) {
            if (Files.exists(base.resolve(relative))) {
                return base.resolve(relative);
            }
        }
        return Path.of("../shared/data").resolve(relative);
    }
}
