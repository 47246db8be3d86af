package dev.assay.server.portfolio.api;

import dev.assay.server.AssayServer;

/** The portfolio API on a loopback port over plain HTTP, as the API contracts run it. */
final class LoopbackPortfolio {
    private LoopbackPortfolio() {}

    static AssayServer start(PortfolioFeature feature) {
        return AssayServer.builder()
                .bind("127.0.0.1")
                .port(0)
                .insecureHttp()
                .feature(feature)
                .build()
                .start();
    }

    /** Stops what {@link #start} and the test opened; either may be null when set-up failed early. */
    static void stop(AssayServer server, ApiClient client) {
        if (server != null) {
            server.stop();
        }
        if (client != null) {
            client.close();
        }
    }
}
