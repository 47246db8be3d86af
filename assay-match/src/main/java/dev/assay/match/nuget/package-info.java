/** NuGet packages: OSV ecosystem {@code NuGet}. */
package dev.assay.match.nuget;
