package org.newspipeline.ingest.inbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.newspipeline.ingest.config.IngestConfig;
import org.newspipeline.ingest.format.ArticleFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Publishes every file of {@code ingest.import-dir} once at start-up, after {@link
 * org.newspipeline.ingest.article.SeenArticles} read back the published ids (so a second start
 * publishes nothing new). The files stay where they are.
 */
@ApplicationScoped
public class StartupImport {

    private static final Logger LOG = Logger.getLogger(StartupImport.class);

    private final IngestConfig config;
    private final FileIngestion files;

    public StartupImport(IngestConfig config, FileIngestion files) {
        this.config = config;
        this.files = files;
    }

    void onStart(@Observes StartupEvent event) {
        config.importDir().ifPresent(dir -> CompletableFuture.runAsync(() -> importAll(dir)));
    }

    private void importAll(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> all = list.filter(Files::isRegularFile)
                    .filter(f -> ArticleFormat.ofFileName(f.getFileName().toString()).isPresent()).sorted().toList();
            LOG.infof("importing %d files from %s", all.size(), dir);
            for (Path file : all) {
                try {
                    LOG.infof("%s: %s", file.getFileName(), files.ingest(file));
                } catch (IOException | RuntimeException e) {
                    LOG.errorf("%s not imported: %s", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.errorf("cannot read import folder %s: %s", dir, e.getMessage());
        }
    }
}
