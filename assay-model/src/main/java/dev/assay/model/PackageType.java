package dev.assay.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The package ecosystems Assay understands, each with its package-url type. */
public enum PackageType {
    MAVEN("maven"),
    NPM("npm"),
    PYPI("pypi"),
    GOLANG("golang"),
    CARGO("cargo"),
    GEM("gem"),
    COMPOSER("composer"),
    NUGET("nuget"),
    DEB("deb"),
    APK("apk"),
    RPM("rpm"),
    GENERIC("generic");

    private final String purlType;

    PackageType(String purlType) {
        this.purlType = purlType;
    }

    public String purlType() {
        return purlType;
    }

    public static Optional<PackageType> fromPurlType(String purlType) {
        String wanted = purlType.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(type -> type.purlType.equals(wanted))
                .findFirst();
    }
}
