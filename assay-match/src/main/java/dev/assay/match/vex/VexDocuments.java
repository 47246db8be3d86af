package dev.assay.match.vex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.model.untrusted.SafeXml;
import java.io.IOException;
import java.io.InputStream;

/** Reads a VEX document of any supported format, recognised from its content, never from its file name. */
public final class VexDocuments {
    /** VEX documents are statements, not inventories: 64 MiB is far beyond any real one. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private VexDocuments() {}

    /**
     * @param name how the document is named in errors and in suppressed findings (a file name)
     * @throws dev.assay.model.UnableToParseException when the content is malformed
     * @throws InvalidInputException when it is well-formed but neither OpenVEX nor CycloneDX
     */
    public static VexDocument read(byte[] content, String name) {
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException(name + " is larger than the VEX limit of " + MAX_BYTES + " bytes", name);
        }
        if (looksLikeXml(content)) {
            return CycloneDxVexReader.readXml(SafeXml.parse(content, name), name);
        }
        JsonNode root = SafeJson.read(content, name);
        if (OpenVexReader.isOpenVex(root)) {
            return OpenVexReader.read(root, name);
        }
        if (CycloneDxVexReader.isCycloneDx(root)) {
            return CycloneDxVexReader.readJson(root, name);
        }
        throw new InvalidInputException(name + " is neither an OpenVEX nor a CycloneDX document", name);
    }

    /** Reads at most {@link #MAX_BYTES} from {@code input} (which stays open). */
    public static VexDocument read(InputStream input, String name) throws IOException {
        return read(BoundedInput.readAll(input, MAX_BYTES, name), name);
    }

    /** The first byte that is not white space (after a UTF-8 byte order mark) is {@code <}. */
    static boolean looksLikeXml(byte[] content) {
        int index = 0;
        if (content.length >= 3
                && (content[0] & 0xff) == 0xef
                && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf) {
            index = 3;
        }
        while (index < content.length) {
            byte current = content[index];
            if (current == ' ' || current == '\t' || current == '\r' || current == '\n') {
                index++;
                continue;
            }
            return current == '<';
        }
        return false;
    }
}
