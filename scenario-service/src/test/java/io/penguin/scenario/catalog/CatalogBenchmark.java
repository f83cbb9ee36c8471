package io.penguin.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.penguin.bench.BenchmarkFigures;
import io.penguin.catalog.formats.ScenarioFileWriter;
import io.penguin.catalog.formats.ScenarioFormat;
import io.penguin.catalog.writing.OfflineScenarioWriter;
import io.penguin.catalog.writing.WrittenScenario;
import io.penguin.scenario.InMemoryChannelsOnPostgres;
import io.penguin.scenario.catalog.persistence.ScenarioEntity;
import io.penguin.scenario.catalog.persistence.ScenarioSource;
import io.penguin.scenario.catalog.service.ImportReport;
import io.penguin.scenario.catalog.service.ImportService;
import io.penguin.scenario.catalog.service.ScenarioWriting;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/**
 * Not part of {@code mvn verify} (Surefire runs {@code *Test} classes only). Prints how long generating and storing
 * the 14,000-scenario catalog takes and the heap it needed, then the same for importing a ~100 MB file over HTTP.
 * Run it with the command in the README ("Scenario catalog"), which caps the heap at 512 MB.
 */
@QuarkusTest
@TestProfile(InMemoryChannelsOnPostgres.class)
class CatalogBenchmark {

    @Inject
    ScenarioWriting generation;

    @Inject
    ImportService importService;

    @TestHTTPResource("/catalog/imports")
    URI imports;

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }

    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(java.util.stream.Collectors.toSet());

    /** The most heap still in use right after a garbage collection: what the work kept live, garbage aside. */
    private static final AtomicLong maxLiveAfterGc = new AtomicLong();

    static {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    long used = GarbageCollectionNotificationInfo.from(
                                                    (CompositeData) notification.getUserData())
                                            .getGcInfo()
                                            .getMemoryUsageAfterGc()
                                            .entrySet()
                                            .stream()
                                            .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                                            .mapToLong(pool -> pool.getValue().getUsed())
                                            .sum();
                                    maxLiveAfterGc.accumulateAndGet(used, Math::max);
                                }
                            },
                            null,
                            null);
        }
    }

    private static void resetPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        maxLiveAfterGc.set(0);
    }

    private static long liveMb() {
        return maxLiveAfterGc.get() >> 20;
    }

    /** The sum of each heap pool's peak since the reset: an upper bound of the heap used at any one time. */
    private static long peakHeapMb() {
        return heapPools().stream()
                        .mapToLong(pool -> pool.getPeakUsage().getUsed())
                        .sum()
                >> 20;
    }

    private static long usedHeapMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static void clear() {
        QuarkusTransaction.requiringNew().run(() -> ScenarioEntity.delete("source <> ?1", ScenarioSource.BUILTIN));
    }

    @Test
    void generateAndStoreTheCatalogThenImportAHundredMegabyteFile() throws Exception {
        long maxHeapMb = Runtime.getRuntime().maxMemory() >> 20;
        BenchmarkFigures figures = BenchmarkFigures.of("Scenario catalog");
        System.out.printf(
                "%nCatalog benchmark: %d cores, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), maxHeapMb);
        clear();
        // Warm-up on two issues, so the figures below are not class loading.
        generation.generate(generation.plan(
                new ScenarioWriting.GenerationRequest(99L, 2, 2, null, List.of("Panic Attack", "Exam Failure"))));
        clear();

        resetPeaks();
        long before = usedHeapMb();
        long started = System.nanoTime();
        ScenarioWriting.GenerationResult result =
                generation.generate(generation.plan(new ScenarioWriting.GenerationRequest(1L, 10, 10, null, null)));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "generate + store: %d scenarios generated, %d stored in %.2f s; heap: %d MB before, peak %d MB,"
                        + " at most %d MB live after a GC (targets: under 15 s, under 512 MB)%n",
                result.generated(), result.written(), seconds, before, peakHeapMb(), liveMb());
        assertThat(result.written()).isEqualTo(14_000);
        figures.figure(
                        "generate and store 14,000 scenarios",
                        seconds,
                        "s",
                        "max heap " + maxHeapMb + " MB; target under 15 s")
                .figure("generate and store: peak heap", peakHeapMb(), "MB", "target under 512 MB")
                .figure("generate and store: most heap live after a GC", liveMb(), "MB");
        clear();

        Path file = Files.createTempFile("penguin-benchmark", ".jsonl");
        try {
            OfflineScenarioWriter generator = new OfflineScenarioWriter();
            long scenarios = 0;
            try (OutputStream out = Files.newOutputStream(file);
                    ScenarioFileWriter writer = new ScenarioFileWriter(out, ScenarioFormat.JSONL)) {
                for (long seed = 1; Files.size(file) < 100L * 1024 * 1024 && seed <= 40; seed++) {
                    Iterator<WrittenScenario> generated = generator.generate(
                            seed, io.penguin.core.Taxonomy.standard().issues(), 10, 10);
                    while (generated.hasNext()) {
                        writer.write(new ScenarioFileWriter.Row(generated.next().scenario(), "train", "generated"));
                        scenarios++;
                    }
                    out.flush();
                }
            }
            long megabytes = Files.size(file) >> 20;
            resetPeaks();
            before = usedHeapMb();
            started = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(imports + "?format=jsonl"))
                                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "import over HTTP: %d MB JSONL file, %d scenarios, status %d in %.2f s; heap: %d MB before,"
                            + " peak %d MB, at most %d MB live after a GC%n",
                    megabytes, scenarios, response.statusCode(), seconds, before, peakHeapMb(), liveMb());
            assertThat(response.statusCode()).isEqualTo(200);
            figures.figure(
                            "import over HTTP",
                            seconds,
                            "s",
                            megabytes + " MB JSONL file, " + scenarios + " scenarios (repeats across seeds skipped)")
                    .figure("import over HTTP: peak heap", peakHeapMb(), "MB")
                    .figure("import over HTTP: most heap live after a GC", liveMb(), "MB");
            clear();

            resetPeaks();
            before = usedHeapMb();
            started = System.nanoTime();
            ImportReport report;
            try (InputStream in = Files.newInputStream(file)) {
                report = importService.importFile(
                        in, new ImportService.ImportOptions(ScenarioFormat.JSONL, false, false, 10, 1));
            }
            seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "import from the file (ImportService, no HTTP): %d scenarios stored in %.2f s; heap: %d MB before,"
                            + " peak %d MB, at most %d MB live after a GC%n",
                    report.scenariosAccepted(), seconds, before, peakHeapMb(), liveMb());
            assertThat(report.committed()).isTrue();
            figures.figure(
                    "import from the file (no HTTP)", seconds, "s", report.scenariosAccepted() + " scenarios stored");
        } finally {
            Files.deleteIfExists(file);
            clear();
        }
    }
}
