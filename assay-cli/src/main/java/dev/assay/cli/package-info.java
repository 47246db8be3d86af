/**
 * The {@code assay} command line: picocli commands that turn flags into immutable requests, call the
 * engine, render the result and map the outcome to an exit code. The only module that writes to stdout
 * or stderr or exits the JVM.
 */
package dev.assay.cli;
