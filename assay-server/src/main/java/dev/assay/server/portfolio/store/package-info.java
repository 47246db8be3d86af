/**
 * The portfolio server's storage: the database (embedded H2 or PostgreSQL, one Flyway schema) and the
 * transactional, idempotent ingestion of SBOMs into project versions. HTTP lives elsewhere; nothing here
 * knows about requests.
 */
package dev.assay.server.portfolio.store;
