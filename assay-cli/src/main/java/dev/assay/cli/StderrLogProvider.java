package dev.assay.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding the CLI names explicitly (system property {@code slf4j.provider}, set by {@link Main}):
 * logback, configured in code by {@link StderrLogConfigurator}. Through the usual route SLF4J and then
 * logback each look up their providers with {@code ServiceLoader}, and each lookup opens every jar on the
 * class path (128 of them, tens of milliseconds) at every start, only to find the one binding Assay ships.
 */
public final class StderrLogProvider implements SLF4JServiceProvider {
    /** The SLF4J API generation this binding is written for. */
    private static final String REQUESTED_API_VERSION = "2.0.99";

    private LoggerContext context;
    private IMarkerFactory markerFactory;
    private MDCAdapter mdcAdapter;

    @Override
    public void initialize() {
        LoggerContext created = new LoggerContext();
        created.setName("default");
        StderrLogConfigurator configurator = new StderrLogConfigurator();
        configurator.setContext(created);
        configurator.configure(created);
        created.start();
        LogbackMDCAdapter mdc = new LogbackMDCAdapter();
        created.setMDCAdapter(mdc);
        markerFactory = new BasicMarkerFactory();
        mdcAdapter = mdc;
        context = created;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }
}
