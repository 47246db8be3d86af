/**
 * JavaScript catalogers: npm's package-lock.json and npm-shrinkwrap.json, Yarn classic and Berry
 * yarn.lock, pnpm-lock.yaml, and the package.json files of installed node_modules. Lockfile catalogers
 * rebuild the full dependency graph (root project first) and carry dev-only packages as excluded.
 */
package dev.assay.catalog.javascript;
