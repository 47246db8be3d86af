/**
 * The portfolio's audit log: who wrote what, when. Every write records its row in its own transaction
 * through {@link dev.assay.server.portfolio.audit.AuditLog#record}; administrators read it through the API.
 */
package dev.assay.server.portfolio.audit;
