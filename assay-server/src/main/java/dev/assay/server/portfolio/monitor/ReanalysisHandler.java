package dev.assay.server.portfolio.monitor;

/**
 * The {@value ReanalyzeAdvisories#KIND} job handler: reads the payload and hands it to the {@link Reanalyzer}
 * plugged in by the findings side ({@code FindingMatching.rematch}). Register it with
 * {@code handlers.register(new ReanalysisHandler(reanalyzer))}.
 */
public final class ReanalysisHandler implements JobHandler {
    /**
     * Re-matches the portfolio after an advisory change. Throw {@link RetryLaterException} when this
     * instance's advisory database is not yet at {@link ReanalyzeAdvisories#generation()} (instances with
     * their own copies update at different times), {@link PermanentJobFailureException} when retrying cannot
     * help; anything else is retried with back-off. It may run more than once for one change (at least once
     * delivery), so it must be idempotent: e.g. insert findings with their unique key and raise
     * {@code finding.new} only for rows actually inserted, in the same transaction.
     */
    @FunctionalInterface
    public interface Reanalyzer {
        void reanalyze(ReanalyzeAdvisories change) throws Exception;
    }

    private final Reanalyzer reanalyzer;

    public ReanalysisHandler(Reanalyzer reanalyzer) {
        this.reanalyzer = reanalyzer;
    }

    @Override
    public String kind() {
        return ReanalyzeAdvisories.KIND;
    }

    @Override
    public void handle(Job job) throws Exception {
        reanalyzer.reanalyze(ReanalyzeAdvisories.fromJson(job.payload()));
    }
}
