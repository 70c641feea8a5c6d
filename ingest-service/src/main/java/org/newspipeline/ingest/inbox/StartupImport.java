package org.newspipeline.ingest.inbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.ingest.article.ArticleFactory;
import org.newspipeline.ingest.article.ArticlePublisher;
import org.newspipeline.ingest.config.IngestConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Publishes every file of {@code ingest.import-dir} once at start-up. The files stay where they
 * are: ids are stable, so importing the same folder again changes nothing downstream.
 */
@ApplicationScoped
public class StartupImport {

    private static final Logger LOG = Logger.getLogger(StartupImport.class);

    private final IngestConfig config;
    private final ArticleFactory factory;
    private final ArticlePublisher publisher;

    public StartupImport(IngestConfig config, ArticleFactory factory, ArticlePublisher publisher) {
        this.config = config;
        this.factory = factory;
        this.publisher = publisher;
    }

    void onStart(@Observes StartupEvent event) {
        config.importDir().ifPresent(dir -> {
            List<Path> files = listFiles(dir);
            LOG.infof("importing %d files from %s", files.size(), dir);
            files.forEach(this::publish);
        });
    }

    private void publish(Path file) {
        try {
            String text = TextFiles.read(file);
            RawArticle article = factory.fromText(text, "inbox:" + file.getFileName(),
                    Files.getLastModifiedTime(file).toInstant());
            publisher.publish(article, "inbox").subscribe().with(
                    ok -> LOG.debugf("published %s as %s", file, article.id()),
                    failure -> LOG.errorf("could not publish %s: %s", file, failure.getMessage()));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("skipping %s: %s", file, e.getMessage());
        }
    }

    private static List<Path> listFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            LOG.errorf("cannot read import folder %s: %s", dir, e.getMessage());
            return List.of();
        }
    }
}
