package dev.assay.cli;

import dev.assay.engine.AdvisoryDatabases;
import dev.assay.engine.ReopeningAdvisoryDatabase;
import dev.assay.model.NoVerdictException;
import dev.assay.server.portfolio.monitor.AdvisoryAge;
import dev.assay.server.portfolio.monitor.AdvisoryFreshness;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code assay server} needs to run continuous monitoring besides the portfolio itself. */
final class MonitoringSetup {
    private MonitoringSetup() {}

    /**
     * The {@code advisories} object of {@code GET /status}: the current generation's update time, age and
     * staleness; a database that cannot be opened is reported stale with no update time.
     */
    static Map<String, Object> status(ReopeningAdvisoryDatabase advisories, AdvisoryFreshness freshness) {
        AdvisoryAge age;
        String location = advisories.directory().toString();
        try {
            age = freshness.assess(AdvisoryDatabases.summary(advisories.get()));
        } catch (NoVerdictException | java.io.UncheckedIOException e) {
            age = freshness.missing();
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("builtAt", age.builtAt().map(Object::toString).orElse(null));
        status.put("ageHours", age.builtAt().isPresent() ? age.ageHours() : null);
        status.put("stale", age.stale());
        status.put("maxAgeHours", age.limit().toMinutes() / 60.0);
        status.put("snapshot", age.snapshot());
        status.put("location", location);
        return status;
    }

    /** The worker's lease owner: unique per process, readable in the work queue. */
    static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid();
    }
}
