package dev.binds.testing;

import dev.binds.MigrationSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Names what a migration run would produce: a SHA-256 over the database kind, the migration settings and
 * every file under the locations (path and content). Two runs with the same fingerprint build the same
 * schema, so a template built by one serves the other; any edited, added or removed script changes it.
 */
final class MigrationFingerprint {

    /** The locations cannot be read here (e.g. {@code s3:}): migrate every database, build no template. */
    static final String UNKNOWN = "unknown";

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";
    private static final int LENGTH = 16;

    private MigrationFingerprint() {
    }

    /**
     * @return the fingerprint (hex), {@link #UNKNOWN}, or {@code null} when no migration applies: disabled, or
     * enabled only when scripts exist ({@code enabled} unset) and the locations hold none
     */
    static String of(DatabaseKind kind, String bindName, MigrationSettings settings, ClassLoader loader) {
        if (Boolean.FALSE.equals(settings.enabled())) {
            return null;
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (String location : settings.locationsFor(bindName)) {
            if (!collect(location.trim(), loader, files)) {
                return UNKNOWN;
            }
        }
        if (files.isEmpty() && settings.enabled() == null) {
            return null;
        }
        MessageDigest sha = sha256();
        update(sha, kind.name(), settings.table(), String.valueOf(settings.schemas()),
                String.valueOf(new TreeMap<>(settings.placeholders())), String.valueOf(settings.baselineOnMigrate()),
                settings.baselineVersion());
        files.forEach((name, content) -> {
            update(sha, name);
            sha.update(content);
        });
        return HexFormat.of().formatHex(sha.digest()).substring(0, LENGTH);
    }

    /** @return {@code false} when the location is of a kind that cannot be read here */
    private static boolean collect(String location, ClassLoader loader, Map<String, byte[]> files) {
        try {
            if (location.startsWith(FILESYSTEM)) {
                walk(location, Path.of(location.substring(FILESYSTEM.length())), files);
                return true;
            }
            if (!location.startsWith(CLASSPATH) && location.contains(":")) {
                return false;
            }
            String path = (location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location)
                    .replaceAll("^/+|/+$", "");
            Enumeration<URL> urls = loader.getResources(path);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                switch (url.getProtocol()) {
                    case "file" -> walk(location, Path.of(url.toURI()), files);
                    case "jar" -> jar(location, url, path + "/", files);
                    default -> {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | URISyntaxException | UncheckedIOException e) {
            return false;
        }
    }

    private static void walk(String location, Path dir, Map<String, byte[]> files) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile).sorted()::iterator) {
                files.put(location + "/" + dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
    }

    private static void jar(String location, URL url, String prefix, Map<String, byte[]> files) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false); // a cached JarFile is shared: closing it would break its other users
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                if (!e.isDirectory() && e.getName().startsWith(prefix)) {
                    try (InputStream in = jar.getInputStream(e)) {
                        files.put(location + "/" + e.getName().substring(prefix.length()), in.readAllBytes());
                    }
                }
            }
        }
    }

    private static void update(MessageDigest sha, String... values) {
        for (String v : values) {
            sha.update(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
