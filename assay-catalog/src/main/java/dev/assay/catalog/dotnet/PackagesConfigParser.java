package dev.assay.catalog.dotnet;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Component;
import dev.assay.model.Scope;
import dev.assay.model.UnableToParseException;
import dev.assay.model.Unknown;
import dev.assay.model.untrusted.SafeXml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a legacy NuGet {@code packages.config}: {@code <package id version targetFramework
 * developmentDependency/>} elements. It lists every package the project restores, without a graph. Parsed
 * with {@link SafeXml}: a document type declaration (and with it XXE and entity expansion) is rejected.
 */
final class PackagesConfigParser {
    static final String VERSION_SOURCE = "packages.config";

    private PackagesConfigParser() {}

    static CatalogResult parse(ParseInput input) throws IOException {
        Document document = SafeXml.parse(input.bytes(), input.location().path());
        Element root = document.getDocumentElement();
        if (root == null || !"packages".equals(root.getLocalName())) {
            throw new UnableToParseException(
                    input.location().path() + " has no <packages> root element",
                    input.location().path());
        }
        List<Component> components = new ArrayList<>();
        List<Unknown> unknowns = new ArrayList<>();
        NodeList packages = root.getElementsByTagName("package");
        for (int index = 0; index < packages.getLength(); index++) {
            Element element = (Element) packages.item(index);
            String id = element.getAttribute("id");
            String version = element.getAttribute("version");
            if (!NuGet.isId(id) || !NuGet.isVersion(version)) {
                unknowns.add(new Unknown(
                        input.location(),
                        input.catalogerId(),
                        "<package> #" + (index + 1) + " has no valid id and version"));
                continue;
            }
            boolean development = element.getAttribute("developmentDependency").equalsIgnoreCase("true");
            components.add(input.component(NuGet.purl(id, version), VERSION_SOURCE)
                    .scope(development ? Scope.EXCLUDED : Scope.REQUIRED)
                    .property("assay:nuget-target-framework", element.getAttribute("targetFramework"))
                    .build());
        }
        return new CatalogResult(components, List.of(), unknowns);
    }
}
