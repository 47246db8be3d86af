package dev.assay.catalog;

import dev.assay.catalog.dotnet.DotNetCatalogers;
import dev.assay.catalog.golang.GoCatalogers;
import dev.assay.catalog.java.JavaCatalogers;
import dev.assay.catalog.javascript.JavaScriptCatalogers;
import dev.assay.catalog.os.OsCatalogers;
import dev.assay.catalog.php.PhpCatalogers;
import dev.assay.catalog.python.PythonCatalogers;
import dev.assay.catalog.ruby.RubyCatalogers;
import dev.assay.catalog.rust.RustCatalogers;
import dev.assay.catalog.spi.Cataloger;
import java.util.ArrayList;
import java.util.List;

/** Every cataloger Assay runs, listed explicitly so that adding one is a visible, reviewed change. */
public final class DefaultCatalogers {
    private DefaultCatalogers() {}

    public static List<Cataloger> all() {
        List<Cataloger> all = new ArrayList<>();
        all.addAll(OsCatalogers.all());
        all.addAll(JavaCatalogers.all());
        all.addAll(JavaScriptCatalogers.all());
        all.addAll(PythonCatalogers.all());
        all.addAll(GoCatalogers.all());
        all.addAll(RustCatalogers.all());
        all.addAll(RubyCatalogers.all());
        all.addAll(PhpCatalogers.all());
        all.addAll(DotNetCatalogers.all());
        return List.copyOf(all);
    }
}
