package dev.assay.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.assay.testkit.Corpora;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates output against the official schemas in the shared corpora (CycloneDX JSON schema and XSD,
 * SPDX 2.3 JSON schema), offline: remote schema references are mapped to the local copies.
 */
final class SchemaValidation {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, Schema> JSON_SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, javax.xml.validation.Schema> XSDS = new ConcurrentHashMap<>();

    private SchemaValidation() {}

    static Path cycloneDxSchemas() {
        return Corpora.require("sbom/cyclonedx-specification/schema");
    }

    /** Errors of a CycloneDX JSON BOM against the corpus schema and cyclonedx-core-java's bundled one. */
    static List<String> cycloneDxJson(byte[] bom, String version) throws IOException {
        Path directory = cycloneDxSchemas();
        Schema schema = JSON_SCHEMAS.computeIfAbsent("cdx-" + version, key -> {
            Map<String, String> schemas = new java.util.HashMap<>();
            for (String file : List.of("bom-" + version + ".schema.json", "spdx.schema.json", "jsf-0.82.schema.json")) {
                try {
                    schemas.put("http://cyclonedx.org/schema/" + file, Files.readString(directory.resolve(file)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_7, builder -> builder.schemas(schemas));
            return registry.getSchema(SchemaLocation.of("http://cyclonedx.org/schema/bom-" + version + ".schema.json"));
        });
        List<String> errors = new ArrayList<>();
        for (Error error : schema.validate(MAPPER.readTree(bom))) {
            errors.add("corpus schema: " + error);
        }
        for (var error : new JsonParser().validate(bom, libraryVersion(version))) {
            errors.add("bundled schema: " + error.getMessage());
        }
        return errors;
    }

    static List<String> cycloneDxXml(byte[] bom, String version) throws IOException {
        Path directory = cycloneDxSchemas();
        javax.xml.validation.Schema schema = XSDS.computeIfAbsent(version, key -> {
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
                factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                    if ("http://cyclonedx.org/schema/spdx".equals(namespace)) {
                        return localInput(directory.resolve("spdx.xsd"), systemId, publicId);
                    }
                    return null;
                });
                return factory.newSchema(
                        directory.resolve("bom-" + version + ".xsd").toFile());
            } catch (SAXException e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> errors = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException exception) {}

            @Override
            public void error(SAXParseException exception) {
                errors.add("XSD: line " + exception.getLineNumber() + ": " + exception.getMessage());
            }

            @Override
            public void fatalError(SAXParseException exception) {
                errors.add("XSD fatal: " + exception.getMessage());
            }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(bom)));
        } catch (SAXException e) {
            errors.add("XSD: " + e.getMessage());
        }
        return errors;
    }

    static List<String> spdxJson(byte[] document) throws IOException {
        Path schemaFile = Corpora.require("sbom/spdx-spec/v2.3/schemas/spdx-schema.json");
        Schema schema = JSON_SCHEMAS.computeIfAbsent("spdx-2.3", key -> {
            try (InputStream input = Files.newInputStream(schemaFile)) {
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                        .getSchema(input);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return schema.validate(MAPPER.readTree(document)).stream()
                .map(Error::toString)
                .toList();
    }

    static JsonNode json(byte[] bytes) throws IOException {
        return MAPPER.readTree(bytes);
    }

    static Version libraryVersion(String version) {
        return switch (version) {
            case "1.4" -> Version.VERSION_14;
            case "1.5" -> Version.VERSION_15;
            case "1.6" -> Version.VERSION_16;
            default -> throw new IllegalArgumentException(version);
        };
    }

    private static LSInput localInput(Path file, String systemId, String publicId) {
        return new LSInput() {
            @Override
            public Reader getCharacterStream() {
                return null;
            }

            @Override
            public void setCharacterStream(Reader characterStream) {}

            @Override
            public InputStream getByteStream() {
                try {
                    return Files.newInputStream(file);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void setByteStream(InputStream byteStream) {}

            @Override
            public String getStringData() {
                return null;
            }

            @Override
            public void setStringData(String stringData) {}

            @Override
            public String getSystemId() {
                return file.toUri().toString();
            }

            @Override
            public void setSystemId(String id) {}

            @Override
            public String getPublicId() {
                return publicId;
            }

            @Override
            public void setPublicId(String id) {}

            @Override
            public String getBaseURI() {
                return file.getParent().toUri().toString();
            }

            @Override
            public void setBaseURI(String baseUri) {}

            @Override
            public String getEncoding() {
                return null;
            }

            @Override
            public void setEncoding(String encoding) {}

            @Override
            public boolean getCertifiedText() {
                return false;
            }

            @Override
            public void setCertifiedText(boolean certifiedText) {}
        };
    }
}
