/**
 * .NET NuGet packages: what {@code packages.lock.json} and {@code packages.config} declare in source trees,
 * and what an application's {@code *.deps.json} records next to its published assemblies.
 */
package dev.assay.catalog.dotnet;
