package io.penguin.cli.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Scenario;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingTest {

    @TempDir
    Path dir;

    private final Scenario scenario = BuiltinScenarios.all().get(0);

    private List<RecordedItem> items() {
        return List.of(
                new RecordedItem(0, scenario, "context-free", "reference", "reference-judge", List.of()),
                new RecordedItem(
                        250,
                        scenario,
                        "single:Age",
                        "reference",
                        "reference-judge",
                        List.of("reference-judge-strict")));
    }

    @Test
    void aGzipRecordingReadsBackTheSameItems() throws Exception {
        Path file = dir.resolve("stream.jsonl.gz");

        Recording.write(file, items());

        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes())).contains("\"condition\":\"single:Age\"");
        }
        assertThat(Recording.read(file)).isEqualTo(items());
        assertThat(dir.resolve("stream.jsonl.gz.part")).doesNotExist();
    }

    @Test
    void aPlainRecordingIsOneJsonObjectPerLine() throws Exception {
        Path file = dir.resolve("stream.jsonl");

        Recording.write(file, items());

        assertThat(Files.readAllLines(file))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("{\"offsetMillis\":"));
        assertThat(Recording.read(file)).isEqualTo(items());
    }

    @Test
    void itemsAreReadInOffsetOrder() throws Exception {
        Path file = dir.resolve("unordered.jsonl");
        Recording.write(file, List.of(items().get(1), items().get(0)));

        assertThat(Recording.read(file)).extracting(RecordedItem::offsetMillis).containsExactly(0L, 250L);
    }

    @Test
    void aBrokenLineIsNamedByNumberWithoutItsContent() throws Exception {
        Path file = dir.resolve("broken.jsonl");
        Recording.write(file, items());
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), lines.get(1).replace("\"model\":\"reference\",", "")));

        assertThatThrownBy(() -> Recording.read(file))
                .hasMessageContaining("line 2")
                .hasMessageContaining("model")
                .hasMessageNotContaining(scenario.query());
    }

    @Test
    void anEmptyRecordingIsRefused() throws Exception {
        Path file = dir.resolve("empty.jsonl");
        Files.writeString(file, "\n");

        assertThatThrownBy(() -> Recording.read(file)).hasMessageContaining("no recorded item");
    }
}
