/** FIRST's Exploit Prediction Scoring System scores, read from the daily CSV (plain or gzipped). */
package dev.assay.vulndb.epss;
