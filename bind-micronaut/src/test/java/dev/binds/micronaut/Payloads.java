package dev.binds.micronaut;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps real payloads a test received, pretty-printed, in {@code target/operations-payloads/}, for the docs. */
public final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    /** @return the payload, pretty-printed, after writing it to {@code target/operations-payloads/<file>} */
    public static String keep(String file, String body) {
        try {
            String pretty = JSON.readTree(body).toPrettyString();
            Path dir = Path.of("target", "operations-payloads");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), pretty + System.lineSeparator());
            return pretty;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
