package dev.assay.vulndb.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.AssayException;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.files.FileReplacement;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.vulndb.osv.OsvFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The offline bundle: one zip holding the files of one database generation and a manifest,
 * {@code assay-bundle.json}, that lists each file with its size and SHA-256. It carries a database to an
 * air-gapped machine; importing it there restores the same advisories, KEV and EPSS tables and metadata.
 *
 * <p>On import every entry is checked against the manifest (nothing missing, nothing extra, sizes and
 * digests equal) and the restored store is verified end to end before it can become the database. Entry
 * names are only compared with the manifest's list, which admits nothing but the store's own file names,
 * so a bundle cannot write outside the staging directory.
 */
final class OfflineBundle {
    static final String MANIFEST = "assay-bundle.json";
    static final String FORMAT = "assay-advisory-bundle";
    static final int VERSION = 1;

    private static final long MAX_MANIFEST_BYTES = 1L << 20;
    private static final int MAX_ENTRIES = 16;
    /** 1980-01-01, the zip epoch: entries carry no export time, so one database exports to equal bytes. */
    private static final long ENTRY_TIME = 315_532_800_000L;

    private OfflineBundle() {}

    static void export(Path databaseDirectory, Path bundleFile) {
        Path manifestPath = databaseDirectory.resolve(StoreManifest.FILE_NAME);
        for (int attempt = 1; ; attempt++) {
            StoreManifest manifest = AdvisoryDatabase.readManifest(databaseDirectory, manifestPath);
            try {
                writeBundle(databaseDirectory, manifest, bundleFile);
                return;
            } catch (NoSuchFileException e) {
                if (attempt == 3) {
                    throw new CorruptAdvisoryDatabaseException(
                            "a data file named by " + manifestPath + " is missing: " + e.getFile(),
                            databaseDirectory.toString(),
                            e);
                }
            } catch (IOException e) {
                throw new InvalidInputException(
                        "cannot write the bundle " + bundleFile + ": " + e.getMessage(), bundleFile.toString(), e);
            }
        }
    }

    private static void writeBundle(Path directory, StoreManifest manifest, Path bundleFile) throws IOException {
        // Open every file before copying any: a concurrent commit may collect this generation, but open
        // channels keep reading it.
        Map<String, FileChannel> channels = new LinkedHashMap<>();
        try {
            for (FileRole role : FileRole.values()) {
                String name = manifest.files().get(role).name();
                channels.put(name, FileChannel.open(directory.resolve(name), StandardOpenOption.READ));
            }
            // The manifest as read, so that the bundle and its data files agree.
            byte[] storeManifest = manifest.toJson();
            FileReplacement.write(bundleFile, file -> writeZip(file, channels, storeManifest));
        } finally {
            for (FileChannel channel : channels.values()) {
                channel.close();
            }
        }
    }

    private static void writeZip(OutputStream file, Map<String, FileChannel> channels, byte[] storeManifest)
            throws IOException {
        List<Listed> listed = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
            for (Map.Entry<String, FileChannel> entry : channels.entrySet()) {
                FileChannel channel = entry.getValue();
                channel.position(0);
                listed.add(copyEntry(zip, entry.getKey(), Channels.newInputStream(channel)));
            }
            listed.add(copyEntry(zip, StoreManifest.FILE_NAME, new java.io.ByteArrayInputStream(storeManifest)));
            startEntry(zip, MANIFEST);
            zip.write(bundleManifest(listed));
            zip.closeEntry();
        }
    }

    private record Listed(String name, long size, String sha256) {}

    private static Listed copyEntry(ZipOutputStream zip, String name, InputStream content) throws IOException {
        startEntry(zip, name);
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        int read;
        while ((read = content.read(buffer)) != -1) {
            zip.write(buffer, 0, read);
            digest.update(buffer, 0, read);
            size += read;
        }
        zip.closeEntry();
        return new Listed(name, size, HexFormat.of().formatHex(digest.digest()));
    }

    private static void startEntry(ZipOutputStream zip, String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(ENTRY_TIME);
        zip.putNextEntry(entry);
    }

    private static byte[] bundleManifest(List<Listed> listed) throws IOException {
        ObjectNode root = SafeJson.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        ArrayNode files = root.putArray("files");
        for (Listed file : listed) {
            ObjectNode node = files.addObject();
            node.put("name", file.name());
            node.put("size", file.size());
            node.put("sha256", file.sha256());
        }
        return SafeJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /** Whether a zip is a bundle: it has the bundle manifest at its root. */
    static boolean isBundle(Path zip) throws IOException {
        try (ZipFile zipFile = OsvFiles.openZip(zip)) {
            return zipFile.getEntry(MANIFEST) != null;
        }
    }

    /**
     * Extracts and verifies a bundle into {@code target} (an empty staging directory) and opens the
     * restored store.
     *
     * @throws CorruptBundleException the bundle does not match its manifest, or the store in it is damaged
     */
    static AdvisoryDatabase restore(Path bundle, Path target, long maxBytes) throws IOException {
        String name = bundle.toString();
        try (ZipFile zipFile = OsvFiles.openZip(bundle)) {
            List<ZipArchiveEntry> entries = Collections.list(zipFile.getEntries());
            if (entries.size() > MAX_ENTRIES) {
                throw new CorruptBundleException(name + " has " + entries.size() + " entries; a bundle has 7", name);
            }
            ZipArchiveEntry manifestEntry = zipFile.getEntry(MANIFEST);
            if (manifestEntry == null) {
                throw new CorruptBundleException(name + " has no " + MANIFEST, name);
            }
            Map<String, Listed> listed = readManifest(zipFile, manifestEntry, name);
            Map<String, ZipArchiveEntry> byName = new LinkedHashMap<>();
            for (ZipArchiveEntry entry : entries) {
                if (entry.getName().equals(MANIFEST)) {
                    continue;
                }
                if (!listed.containsKey(entry.getName()) || byName.put(entry.getName(), entry) != null) {
                    throw new CorruptBundleException(
                            name + " holds an entry its manifest does not list (or twice): " + entry.getName(), name);
                }
            }
            long total = 0;
            for (Listed file : listed.values()) {
                ZipArchiveEntry entry = byName.get(file.name());
                if (entry == null) {
                    throw new CorruptBundleException(
                            name + " lacks " + file.name() + ", which its manifest lists", name);
                }
                total += file.size();
                if (total > maxBytes) {
                    throw new InputTooLargeException(name + " expands past the limit of " + maxBytes + " bytes", name);
                }
                extract(zipFile, entry, file, target.resolve(file.name()), name);
            }
            StoreManifest manifest = StoreManifest.parse(
                    Files.readAllBytes(target.resolve(StoreManifest.FILE_NAME)), name + "!/" + StoreManifest.FILE_NAME);
            for (StoreManifest.DataFile dataFile : manifest.files().values()) {
                Listed file = listed.get(dataFile.name());
                if (file == null || file.size() != dataFile.size()) {
                    throw new CorruptBundleException(
                            name + ": the database manifest and the bundle manifest disagree on " + dataFile.name(),
                            name);
                }
            }
            if (listed.size() != FileRole.values().length + 1) {
                throw new CorruptBundleException(name + " lists files that are not part of its database", name);
            }
            AdvisoryDatabase restored = AdvisoryDatabase.open(target, manifest);
            restored.verify();
            return restored;
        } catch (CorruptAdvisoryDatabaseException e) {
            throw new CorruptBundleException(name + " holds a damaged database: " + e.getMessage(), name, e);
        }
    }

    private static Map<String, Listed> readManifest(ZipFile zipFile, ZipArchiveEntry entry, String name)
            throws IOException {
        JsonNode root;
        try (InputStream input = zipFile.getInputStream(entry)) {
            root = SafeJson.read(BoundedInput.readAll(input, MAX_MANIFEST_BYTES, name), name + "!/" + MANIFEST);
        } catch (AssayException e) {
            throw new CorruptBundleException(name + " has an unreadable manifest: " + e.getMessage(), name, e);
        }
        if (!FORMAT.equals(root.path("format").asText())
                || root.path("formatVersion").asInt() != VERSION) {
            throw new CorruptBundleException(name + " is not an Assay advisory bundle of version " + VERSION, name);
        }
        Map<String, Listed> files = new LinkedHashMap<>();
        Map<FileRole, String> roles = new EnumMap<>(FileRole.class);
        for (JsonNode node : root.path("files")) {
            String fileName = node.path("name").asText("");
            long size = node.path("size").asLong(-1);
            String digest = node.path("sha256").asText("");
            boolean known = fileName.equals(StoreManifest.FILE_NAME)
                    || FileRole.DATA_FILE.matcher(fileName).matches();
            if (!known || size < 0 || !digest.matches("[0-9a-f]{64}")) {
                throw new CorruptBundleException(name + " lists an invalid file entry: " + fileName, name);
            }
            for (FileRole role : FileRole.values()) {
                if (role.matches(fileName) && roles.put(role, fileName) != null) {
                    throw new CorruptBundleException(name + " lists two " + role.key() + " files", name);
                }
            }
            if (files.put(fileName, new Listed(fileName, size, digest)) != null) {
                throw new CorruptBundleException(name + " lists " + fileName + " twice", name);
            }
        }
        if (!files.containsKey(StoreManifest.FILE_NAME)) {
            throw new CorruptBundleException(name + " lists no " + StoreManifest.FILE_NAME, name);
        }
        return files;
    }

    private static void extract(ZipFile zipFile, ZipArchiveEntry entry, Listed file, Path target, String name)
            throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream input = zipFile.getInputStream(entry);
                OutputStream output = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = input.read(buffer)) != -1) {
                size += read;
                if (size > file.size()) {
                    throw new CorruptBundleException(
                            name + ": " + file.name() + " is larger than its manifest says", name);
                }
                digest.update(buffer, 0, read);
                output.write(buffer, 0, read);
            }
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof NoSuchFileException) {
                throw (IOException) e;
            }
            throw new CorruptBundleException(
                    name + ": " + file.name() + " cannot be extracted: " + e.getMessage(), name, e);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (size != file.size() || !actual.equals(file.sha256())) {
            throw new CorruptBundleException(
                    name + ": " + file.name() + " does not match its checksum in the manifest", name);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
