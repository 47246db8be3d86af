/** Alpine, Wolfi and Chainguard packages, matched by origin package; Alpine per release branch. */
package dev.assay.match.apk;
