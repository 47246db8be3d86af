package dev.assay.engine.admission;

import dev.assay.engine.admission.spi.LoadedPolicies;
import dev.assay.engine.admission.spi.PolicyDocument;
import dev.assay.engine.admission.spi.PolicyLoader;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.model.untrusted.SafeYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code --policy FILE_OR_DIR} arguments: YAML (one or more documents) and JSON files, and the
 * {@code .yaml}, {@code .yml} and {@code .json} files directly inside a directory, in name order. Each
 * document goes to the {@link PolicyLoader} registered for its {@code kind}.
 *
 * <p>Directories are not searched recursively, and names starting with a dot are skipped: a ConfigMap
 * mounted in a pod holds every file twice, once as a symbolic link at the top and once inside a hidden
 * {@code ..<timestamp>} directory, and only the links are the current version.
 */
public final class PolicyFiles {
    /** A ConfigMap holds at most 1 MiB; a policy file far larger is a mistake or an attack. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** A YAML document marker: {@code ---} at the start of a line, alone or followed by a space. */
    private static final Pattern DOCUMENT_START = Pattern.compile("---(?:[ \\t].*)?");

    private static final Pattern DOCUMENT_END = Pattern.compile("\\.\\.\\.[ \\t]*");

    private PolicyFiles() {}

    /**
     * Every policy and mutator the paths define.
     *
     * @throws InvalidInputException for a missing or unreadable path, a malformed document, a document
     *     without a kind or of a kind no loader reads
     */
    public static LoadedPolicies load(List<Path> paths, AdmissionPlugins plugins) {
        LoadedPolicies loaded = LoadedPolicies.NONE;
        for (Path path : paths) {
            for (Path file : files(path)) {
                loaded = loaded.plus(loadFile(file, plugins));
            }
        }
        return loaded;
    }

    static List<Path> files(Path path) {
        if (Files.isDirectory(path)) {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (!name.startsWith(".") && Files.isRegularFile(entry) && isPolicyFileName(name)) {
                        files.add(entry);
                    }
                }
            } catch (IOException e) {
                throw new InvalidInputException("cannot list policy directory " + path + ": " + e, path.toString(), e);
            }
            files.sort(null);
            return files;
        }
        if (!Files.exists(path)) {
            throw new InvalidInputException("policy file " + path + " does not exist", path.toString());
        }
        return List.of(path);
    }

    private static boolean isPolicyFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    static LoadedPolicies loadFile(Path file, AdmissionPlugins plugins) {
        String content;
        try (InputStream input = Files.newInputStream(file)) {
            content = new String(
                    BoundedInput.readAll(input, MAX_FILE_BYTES, "policy file " + file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("policy file " + file + " does not exist", file.toString(), e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read policy file " + file + ": " + e, file.toString(), e);
        }
        return loadContent(content, file.toString(), plugins);
    }

    /** The policies of one file's text; {@code source} names it in errors. */
    public static LoadedPolicies loadContent(String content, String source, AdmissionPlugins plugins) {
        LoadedPolicies loaded = LoadedPolicies.NONE;
        int index = 0;
        for (Chunk chunk : documents(content)) {
            Object tree = SafeYaml.load(chunk.text(), source);
            if (tree == null) {
                continue;
            }
            index++;
            String location = source + " (document " + index + ", line " + chunk.firstLine() + ")";
            if (!(tree instanceof Map<?, ?> map)) {
                throw new InvalidInputException(location + " is not a mapping: expected a policy document", source);
            }
            String kind = map.get("kind") instanceof String text ? text : "";
            if (kind.isEmpty()) {
                throw new InvalidInputException(location + " has no kind: expected a policy document", source);
            }
            PolicyLoader loader =
                    plugins.loaderFor(kind).orElseThrow(() -> unknownKind(location, kind, plugins, source));
            String apiVersion = map.get("apiVersion") instanceof String text ? text : "";
            @SuppressWarnings("unchecked")
            Map<String, Object> document = (Map<String, Object>) map;
            loaded = loaded.plus(loader.load(
                    new PolicyDocument(source, index, chunk.firstLine(), apiVersion, kind, chunk.text(), document)));
        }
        return loaded;
    }

    private static InvalidInputException unknownKind(
            String location, String kind, AdmissionPlugins plugins, String source) {
        String known = plugins.kinds().isEmpty()
                ? "this build of Assay loads no policy documents yet; use --pss for Pod Security"
                : "known kinds: " + plugins.kinds().stream().sorted().collect(Collectors.joining(", "));
        return new InvalidInputException(
                location + " is of kind '" + Messages.bounded(kind, 64) + "', which is not a policy kind (" + known
                        + ")",
                source);
    }

    record Chunk(int firstLine, String text) {}

    /**
     * The text of each YAML document. A document marker at the start of a line cannot occur inside a
     * scalar (YAML 1.2, c-forbidden), so splitting on those lines splits exactly where the parser would,
     * and keeps each document's own text for loaders that report lines.
     */
    static List<Chunk> documents(String content) {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int firstLine = 1;
        int lineNumber = 0;
        String[] lines = content.split("\n", -1);
        // A final newline ends the last line; it does not start another one.
        int count = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            lineNumber++;
            String bare = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (DOCUMENT_START.matcher(bare).matches()) {
                chunks.add(new Chunk(firstLine, current.toString()));
                current.setLength(0);
                String rest = bare.length() > 3 ? bare.substring(4) : "";
                if (rest.isBlank()) {
                    firstLine = lineNumber + 1;
                } else {
                    // Content on the marker line ("--- {kind: Policy}") belongs to the new document.
                    firstLine = lineNumber;
                    current.append(rest).append('\n');
                }
            } else if (DOCUMENT_END.matcher(bare).matches()) {
                chunks.add(new Chunk(firstLine, current.toString()));
                current.setLength(0);
                firstLine = lineNumber + 1;
            } else {
                current.append(line).append('\n');
            }
        }
        chunks.add(new Chunk(firstLine, current.toString()));
        return chunks.stream().filter(chunk -> !chunk.text().isBlank()).toList();
    }
}
