package org.newspipeline.enrich.eval;

import org.newspipeline.enrich.support.TestEnricher;
import org.newspipeline.enrich.pipeline.Enricher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The evaluation command (see the README): every Reuters-21578 story through the enricher, one
 * thread, after a warm-up. Prints the shares and the throughput.
 */
public final class ReutersEvaluation {

    private ReutersEvaluation() {
    }

    public static void main(String[] args) {
        Path folder = args.length > 0 ? Path.of(args[0]) : ReutersCorpus.folder();
        if (!Files.isDirectory(folder)) {
            System.err.println("Reuters data not found at " + folder.toAbsolutePath() + " (see ../shared/data/README.md)");
            System.exit(2);
        }
        var stories = ReutersCorpus.load(folder, Integer.MAX_VALUE);
        Enricher enricher = TestEnricher.get();
        ReutersScore.of(enricher, stories.subList(0, Math.min(1000, stories.size())));
        System.out.println(ReutersScore.of(enricher, stories));
    }
}
