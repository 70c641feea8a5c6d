package org.newspipeline.pipeline.bench;

import org.newspipeline.pipeline.faults.FaultDrill;

/**
 * The fault drill at scale: {@code -Dexec.args=20000} articles (the default) through kills of
 * every service (one of the two query replicas twice), a broker outage and an immediate PostgreSQL
 * stop; one row per fault, and what a saved search's webhook received.
 */
public final class FaultInjectionBenchmark {

    private FaultInjectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        FaultDrill.Report report = FaultDrill.run(Bench.repoRoot(), articles);
        report.print();
        boolean clean = report.stored() == articles && report.storedRows() == report.stored()
                && report.goodDeadLettered() == 0 && report.poisonMissing().isEmpty() && report.gaveUp() == null
                && report.webhooks().delivered() == report.webhooks().matching() && report.webhooks().idMismatches() == 0
                && report.webhooks().badSignatures() == 0 && report.webhooks().notMatching() == 0;
        System.out.println(clean ? "0 lost, 0 duplicated, every poison record refused or dead-lettered, every matching article"
                + " posted to the webhook (nothing else), repeats under the same webhook-id, every signature good"
                : "FAILED: " + report);
        System.exit(clean ? 0 : 1);
    }
}
