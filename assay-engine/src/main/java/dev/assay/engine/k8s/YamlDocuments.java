package dev.assay.engine.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a YAML stream into its documents by their markers, before any parsing, so that each document is
 * parsed on its own: a malformed one costs only itself, and each keeps the line it starts at. YAML forbids
 * {@code ---} and {@code ...} at the start of a line inside any scalar, so a marker line always separates
 * documents and this split agrees with a YAML parser's.
 *
 * <p>Documents holding nothing but comments and blank lines (Helm renders one for every template that
 * produced nothing) are dropped and not counted.
 */
final class YamlDocuments {
    private static final Pattern MARKER = Pattern.compile("^(---|\\.\\.\\.)(?=[ \\t]|$)");
    private static final Pattern HELM_SOURCE = Pattern.compile("^#\\s*Source:\\s*(\\S.*?)\\s*$");

    private YamlDocuments() {}

    /**
     * One document's text.
     *
     * @param index position among the file's non-empty documents, from 1
     * @param firstLine the file line of the text's first line, from 1
     * @param contentLine the file line of the first line that is neither blank nor a comment
     * @param startOffset the text's start in the file's text, for locating bad bytes
     * @param endOffset the text's end (exclusive)
     * @param text the document, marker removed
     * @param helmSource the template of a Helm {@code # Source:} comment above the content; empty if none
     */
    record Chunk(
            int index,
            int firstLine,
            int contentLine,
            int startOffset,
            int endOffset,
            String text,
            String helmSource) {}

    static List<Chunk> split(String text) {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentFirstLine = 1;
        int currentStart = 0;
        int lineNumber = 0;
        int offset = 0;
        while (offset < text.length()) {
            int newline = text.indexOf('\n', offset);
            int end = newline < 0 ? text.length() : newline + 1;
            String line = text.substring(offset, end);
            lineNumber++;
            Matcher marker = MARKER.matcher(line);
            if (marker.find()) {
                add(chunks, current.toString(), currentFirstLine, currentStart, offset);
                current.setLength(0);
                currentFirstLine = lineNumber;
                currentStart = offset;
                // Content may follow the marker on its line ("--- {a: 1}"); blanking the marker keeps columns.
                String rest = line.substring(3);
                current.append(marker.group(1).equals("---") && !rest.isBlank() ? "   " + rest : "\n");
            } else {
                current.append(line);
            }
            offset = end;
        }
        add(chunks, current.toString(), currentFirstLine, currentStart, text.length());
        return chunks;
    }

    private static void add(List<Chunk> chunks, String text, int firstLine, int startOffset, int endOffset) {
        int contentLine = 0;
        String helmSource = "";
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher source = HELM_SOURCE.matcher(line);
                if (helmSource.isEmpty() && source.matches()) {
                    helmSource = source.group(1);
                }
                continue;
            }
            // Directives (%YAML, %TAG) only prefix a document; alone they are none.
            if (line.startsWith("%")) {
                continue;
            }
            contentLine = firstLine + index;
            break;
        }
        if (contentLine == 0) {
            return;
        }
        chunks.add(new Chunk(chunks.size() + 1, firstLine, contentLine, startOffset, endOffset, text, helmSource));
    }
}
