package dev.binds.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Decides, without Flyway, whether migration locations hold anything to migrate: what
 * {@code migrations.enabled} left unset (auto) means. A location counts when it holds an SQL script or a
 * Java migration class ({@code V…__….class}, {@code R__….class}), in a directory or a jar, at any depth.
 * Locations of another kind ({@code s3:}, {@code gcs:}…) or on a classpath of another kind (a native
 * image) cannot be looked into cheaply: they count, and Flyway decides.
 */
final class ScriptLocations {

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    private ScriptLocations() {
    }

    static boolean holdScripts(List<String> locations, ClassLoader loader) {
        return locations.stream().anyMatch(location -> holds(location.trim(), loader));
    }

    private static boolean holds(String location, ClassLoader loader) {
        if (location.startsWith(FILESYSTEM)) {
            return directoryHolds(Path.of(location.substring(FILESYSTEM.length())));
        }
        if (!location.startsWith(CLASSPATH) && location.contains(":")) {
            return true;
        }
        String path = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
        path = path.replaceAll("^/+|/+$", "");
        try {
            Enumeration<URL> urls = loader.getResources(path);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                boolean holds = switch (url.getProtocol()) {
                    case "file" -> directoryHolds(Path.of(url.toURI()));
                    case "jar" -> jarHolds(url, path + "/");
                    default -> true;
                };
                if (holds) {
                    return true;
                }
            }
            return false;
        } catch (IOException | URISyntaxException e) {
            return true; // cannot look: let Flyway look
        }
    }

    private static boolean directoryHolds(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> isMigration(f.getFileName().toString()));
        } catch (IOException | UncheckedIOException e) {
            return true;
        }
    }

    private static boolean jarHolds(URL url, String prefix) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false); // a cached JarFile is shared: closing it would break its other users
        try (JarFile jar = connection.getJarFile()) {
            return jar.stream().anyMatch(e -> !e.isDirectory() && e.getName().startsWith(prefix)
                    && isMigration(e.getName().substring(e.getName().lastIndexOf('/') + 1)));
        }
    }

    static boolean isMigration(String fileName) {
        return fileName.endsWith(".sql")
                || fileName.endsWith(".class") && fileName.matches("([VR]).*__.*\\.class");
    }
}
