package dev.assay.catalog.python;

import java.util.Map;
import java.util.Optional;

/**
 * SPDX ids for the trove {@code License ::} classifiers that name exactly one license. Ambiguous ones
 * ({@code BSD License}, {@code Apache Software License}, which do not say which version or clause count)
 * stay as written rather than be guessed.
 */
final class LicenseClassifiers {
    private static final Map<String, String> SPDX = Map.ofEntries(
            Map.entry("MIT License", "MIT"),
            Map.entry("MIT No Attribution License (MIT-0)", "MIT-0"),
            Map.entry("ISC License (ISCL)", "ISC"),
            Map.entry("Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0"),
            Map.entry("Mozilla Public License 1.1 (MPL 1.1)", "MPL-1.1"),
            Map.entry("GNU General Public License v2 (GPLv2)", "GPL-2.0-only"),
            Map.entry("GNU General Public License v2 or later (GPLv2+)", "GPL-2.0-or-later"),
            Map.entry("GNU General Public License v3 (GPLv3)", "GPL-3.0-only"),
            Map.entry("GNU General Public License v3 or later (GPLv3+)", "GPL-3.0-or-later"),
            Map.entry("GNU Lesser General Public License v2 (LGPLv2)", "LGPL-2.0-only"),
            Map.entry("GNU Lesser General Public License v2 or later (LGPLv2+)", "LGPL-2.0-or-later"),
            Map.entry("GNU Lesser General Public License v3 (LGPLv3)", "LGPL-3.0-only"),
            Map.entry("GNU Lesser General Public License v3 or later (LGPLv3+)", "LGPL-3.0-or-later"),
            Map.entry("GNU Affero General Public License v3", "AGPL-3.0-only"),
            Map.entry("GNU Affero General Public License v3 or later (AGPLv3+)", "AGPL-3.0-or-later"),
            Map.entry("Python Software Foundation License", "PSF-2.0"),
            Map.entry("The Unlicense (Unlicense)", "Unlicense"),
            Map.entry("Boost Software License 1.0 (BSL-1.0)", "BSL-1.0"),
            Map.entry("Eclipse Public License 1.0 (EPL-1.0)", "EPL-1.0"),
            Map.entry("Eclipse Public License 2.0 (EPL-2.0)", "EPL-2.0"),
            Map.entry("Universal Permissive License (UPL)", "UPL-1.0"),
            Map.entry("zlib/libpng License", "Zlib"),
            Map.entry("CC0 1.0 Universal (CC0 1.0) Public Domain Dedication", "CC0-1.0"));

    private LicenseClassifiers() {}

    static Optional<String> spdxId(String classifierName) {
        return Optional.ofNullable(SPDX.get(classifierName));
    }
}
