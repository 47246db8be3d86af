package dev.assay.catalog.ruby;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Component;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.UnableToParseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an installed gem's specification ({@code specifications/NAME-VERSION.gemspec}, as RubyGems writes
 * it). The file is Ruby; only the literal assignments RubyGems generates are recognised ({@code s.name =
 * "rake".freeze}, {@code s.version = "13.0.6"}, {@code s.licenses = ["MIT".freeze]}), so nothing is ever
 * evaluated and a hand-written gemspec that computes its values yields no component rather than a guess.
 */
final class GemspecParser {
    static final String VERSION_SOURCE = "gemspec";

    private static final String STRING =
            "(?:\"([^\"]{1,300})\"|'([^']{1,300})'|%q\\{([^}]{1,300})\\}|%q<([^>]{1,300})>)";
    private static final Pattern NAME = Pattern.compile("^\\s*\\w+\\.name\\s*=\\s*" + STRING);
    private static final Pattern VERSION =
            Pattern.compile("^\\s*\\w+\\.version\\s*=\\s*(?:Gem::Version\\.new\\(\\s*)?" + STRING);
    private static final Pattern LICENSE = Pattern.compile("^\\s*\\w+\\.license\\s*=\\s*" + STRING);
    private static final Pattern LICENSES = Pattern.compile("^\\s*\\w+\\.licenses\\s*=\\s*\\[(.{0,2000})\\]");
    private static final Pattern ANY_STRING = Pattern.compile(STRING);
    private static final Pattern NEW_WITH_ARGUMENTS =
            Pattern.compile("Gem::Specification\\.new\\s*\\(?\\s*" + STRING + "\\s*,\\s*" + STRING);
    private static final Pattern GEM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final Pattern GEM_VERSION = Pattern.compile("[0-9][0-9A-Za-z.-]{0,99}");

    private GemspecParser() {}

    static CatalogResult parse(ParseInput input) throws IOException {
        String name = null;
        String version = null;
        List<String> licenses = new ArrayList<>();
        for (String line : input.text().split("\r?\n")) {
            Matcher matcher;
            if (name == null && (matcher = NAME.matcher(line)).find()) {
                name = literal(matcher, 1);
            } else if (version == null && (matcher = VERSION.matcher(line)).find()) {
                version = literal(matcher, 1);
            } else if ((matcher = LICENSES.matcher(line)).find()) {
                Matcher each = ANY_STRING.matcher(matcher.group(1));
                while (each.find()) {
                    licenses.add(literal(each, 1));
                }
            } else if ((matcher = LICENSE.matcher(line)).find()) {
                licenses.add(literal(matcher, 1));
            } else if (name == null && (matcher = NEW_WITH_ARGUMENTS.matcher(line)).find()) {
                name = literal(matcher, 1);
                version = literal(matcher, 5);
            }
        }
        if (name == null || version == null) {
            throw new UnableToParseException(
                    input.location().path() + ": no literal name and version assignments",
                    input.location().path());
        }
        if (!GEM_NAME.matcher(name).matches() || !GEM_VERSION.matcher(version).matches()) {
            throw new UnableToParseException(
                    input.location().path() + ": malformed gem name or version",
                    input.location().path());
        }
        Component component = input.component(Purl.of(PackageType.GEM, "", name, version), VERSION_SOURCE)
                .licenses(licenses)
                .build();
        return CatalogResult.of(List.of(component));
    }

    /** The first non-null of the four alternative groups of {@link #STRING} starting at {@code first}. */
    private static String literal(Matcher matcher, int first) {
        for (int group = first; group < first + 4; group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return "";
    }
}
