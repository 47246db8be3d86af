package dev.assay.catalog.python;

import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.GenericCataloger;
import java.util.List;

/** The catalogers of this ecosystem, in the order they are listed in {@code DefaultCatalogers}. */
public final class PythonCatalogers {
    private PythonCatalogers() {}

    public static List<Cataloger> all() {
        return List.of(requirements(), poetryLock(), pipfileLock(), uvLock(), pdmLock(), installed());
    }

    public static Cataloger requirements() {
        return declared("python-requirements-cataloger")
                .parseByGlob(
                        RequirementsFileParser::parse,
                        "**/requirements*.txt",
                        "**/requirements/*.txt",
                        "**/*requirements.txt");
    }

    public static Cataloger poetryLock() {
        return declared("python-poetry-lock-cataloger").parseByGlob(PoetryLockParser::parse, "**/poetry.lock");
    }

    public static Cataloger pipfileLock() {
        return declared("python-pipfile-lock-cataloger").parseByGlob(PipfileLockParser::parse, "**/Pipfile.lock");
    }

    public static Cataloger uvLock() {
        return declared("python-uv-lock-cataloger").parseByGlob(UvLockParser::parse, "**/uv.lock");
    }

    public static Cataloger pdmLock() {
        return declared("python-pdm-lock-cataloger").parseByGlob(PdmLockParser::parse, "**/pdm.lock");
    }

    public static Cataloger installed() {
        return new InstalledPackagesCataloger();
    }

    private static GenericCataloger declared(String id) {
        return GenericCataloger.named(id).tags(CatalogTag.ECOSYSTEM_PYTHON, CatalogTag.DECLARED, CatalogTag.DIRECTORY);
    }
}
