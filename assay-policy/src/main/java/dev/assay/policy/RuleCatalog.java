package dev.assay.policy;

import java.util.List;

/**
 * A policy that can describe its rules ahead of any finding, so that reports can list them with a title
 * and a remedy (SARIF's {@code tool.driver.rules}). Optional: a policy without it is reported with its rule
 * ids alone.
 */
public interface RuleCatalog {
    List<RuleDescription> rules();
}
