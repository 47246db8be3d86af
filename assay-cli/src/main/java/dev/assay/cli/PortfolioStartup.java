package dev.assay.cli;

import dev.assay.model.NoVerdictException;
import dev.assay.server.portfolio.findings.FindingMatching;
import dev.assay.server.portfolio.monitor.WebhookSubscriptions;
import dev.assay.server.portfolio.store.InventoryRecovery;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.SecretSealer;
import dev.assay.vulndb.AdvisoryStore;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the portfolio server finishes, before it answers anyone, of the work its last run left undone. */
final class PortfolioStartup {
    private static final Logger LOG = LoggerFactory.getLogger(PortfolioStartup.class);

    private PortfolioStartup() {}

    /**
     * Seals webhook secrets stored before a key was set (and checks that the key opens the sealed ones),
     * mends inventories an interrupted write left partial (on the engines that can leave them so), then
     * matches the versions stored but not yet matched against advisories.
     */
    static void mendUnfinishedWrites(PortfolioDatabase database, Supplier<? extends AdvisoryStore> advisories) {
        WebhookSubscriptions.SealReport secrets =
                new WebhookSubscriptions(database, Clock.systemUTC()).sealStoredSecrets();
        if (secrets.inTheClear() > 0) {
            LOG.warn(
                    "{} webhook secret(s) are stored unencrypted: set {} (openssl rand -base64 32) to encrypt them",
                    secrets.inTheClear(),
                    SecretSealer.KEY_VARIABLE);
        }
        if (secrets.sealed() > 0) {
            LOG.info(
                    "encrypted {} webhook secret(s) with {} (stored in the clear or with {} before)",
                    secrets.sealed(),
                    SecretSealer.KEY_VARIABLE,
                    SecretSealer.PREVIOUS_KEY_VARIABLE);
        }
        if (InventoryRecovery.isNeeded(database)) {
            InventoryRecovery.Report report = new InventoryRecovery(database, Clock.systemUTC()).recover();
            for (String version : report.rebuilt()) {
                LOG.warn("{}: the last run stopped while writing its inventory; rebuilt from its stored SBOM", version);
            }
            for (String version : report.removed()) {
                LOG.warn("{}: the last run stopped while storing it and no SBOM of it was kept; removed", version);
            }
        }
        AdvisoryStore store;
        try {
            store = advisories.get();
        } catch (NoVerdictException noDatabase) {
            // Without advisory data nothing is matched; the versions stay pending until there is some.
            return;
        }
        int matched = new FindingMatching(database, Clock.systemUTC()).matchPending(store);
        if (matched > 0) {
            LOG.info("matched {} version(s) stored by the last run but not yet matched", matched);
        }
    }
}
