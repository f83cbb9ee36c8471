package io.penguin.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the benchmarks ran on: cores, CPU model, memory, operating system, Java. */
final class Machine {

    private Machine() {}

    static Map<String, String> describe() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("cpu", procValue("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")));
        machine.put(
                "memory",
                procValue("/proc/meminfo", "MemTotal").map(Machine::gibibytes).orElse("unknown"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        return machine;
    }

    private static java.util.Optional<String> procValue(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String gibibytes(String memTotal) {
        String[] parts = memTotal.split("\\s+");
        try {
            return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(parts[0]) / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return memTotal;
        }
    }
}
