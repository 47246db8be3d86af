package dev.assay.catalog.os;

/** Receives the rpm header blobs of a package database, with the instance number the database keys them by. */
@FunctionalInterface
interface HeaderBlobVisitor {
    void visit(long instance, byte[] blob);
}
