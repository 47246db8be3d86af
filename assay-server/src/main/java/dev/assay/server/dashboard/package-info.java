/**
 * The web dashboard: a single-page application (plain JavaScript modules, hand-written SVG charts, no
 * build step and no third-party code) served from the classpath folder {@code dashboard/}. It holds no
 * data of its own; the browser reads everything from the portfolio REST API with the user's API key.
 */
package dev.assay.server.dashboard;
