package dev.assay.vulndb.store;

import java.util.Locale;
import java.util.regex.Pattern;

/** The files of one generation of the store, and how they are named: {@code <prefix>-<generation>.<ext>}. */
enum FileRole {
    RECORDS("advisories", "rec", StoreFormat.Kind.RECORDS),
    PACKAGES("packages", "idx", StoreFormat.Kind.PACKAGE_INDEX),
    IDS("ids", "idx", StoreFormat.Kind.ID_INDEX),
    KEV("kev", "tbl", StoreFormat.Kind.KEV_TABLE),
    EPSS("epss", "tbl", StoreFormat.Kind.EPSS_TABLE);

    /** Any data file name the store writes; nothing else is ever opened or deleted by name from a manifest. */
    static final Pattern DATA_FILE =
            Pattern.compile("(advisories|packages|ids|kev|epss)-([0-9]{1,18})\\.(rec|idx|tbl)");

    final String prefix;
    final String extension;
    final StoreFormat.Kind kind;

    FileRole(String prefix, String extension, StoreFormat.Kind kind) {
        this.prefix = prefix;
        this.extension = extension;
        this.kind = kind;
    }

    String fileName(long generation) {
        return prefix + "-" + generation + "." + extension;
    }

    /** The key of this file in the manifest's {@code files} object. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean matches(String fileName) {
        var matcher = DATA_FILE.matcher(fileName);
        return matcher.matches()
                && matcher.group(1).equals(prefix)
                && matcher.group(3).equals(extension);
    }
}
