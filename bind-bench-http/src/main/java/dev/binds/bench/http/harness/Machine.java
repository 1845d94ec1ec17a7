package dev.binds.bench.http.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the numbers were measured on: processors, memory, CPU model, JDK. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return String.format(Locale.ROOT, "%d processors (nproc), %.1f GiB memory, CPU %s, JDK %s (%s)",
                Runtime.getRuntime().availableProcessors(), memoryKb() / 1024.0 / 1024.0, cpuModel(),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"));
    }

    private static long memoryKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: unknown
        }
        return 0;
    }

    /** {@code lscpu}'s model name, as the issue asks, else {@code /proc/cpuinfo}'s. */
    private static String cpuModel() {
        try {
            Process p = new ProcessBuilder("lscpu").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            for (String line : out.split("\n")) {
                if (line.startsWith("Model name:")) {
                    return line.substring("Model name:".length()).trim();
                }
            }
        } catch (IOException e) {
            // no lscpu: fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // unknown
        }
        return "unknown";
    }
}
