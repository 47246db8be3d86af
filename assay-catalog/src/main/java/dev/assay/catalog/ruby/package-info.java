/**
 * Ruby gems: what a Bundler {@code Gemfile.lock} pins, and what installed gem specifications record in an
 * image. Gem specifications are Ruby code; they are read line by line as text and never evaluated.
 */
package dev.assay.catalog.ruby;
