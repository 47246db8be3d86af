/**
 * API keys for the portfolio REST API: creation (shown once, stored as SHA-256), scopes ({@code read},
 * {@code upload}, {@code triage}, {@code admin}), revocation, and the admin key created on a first start.
 * HTTP enforcement lives in the {@code api} package; nothing here knows about requests.
 */
package dev.assay.server.portfolio.auth;
