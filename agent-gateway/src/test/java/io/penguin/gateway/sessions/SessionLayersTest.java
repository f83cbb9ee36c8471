package io.penguin.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sessions' service layer knows no transport: it talks through {@code SessionChannel}, never the WebSocket. */
class SessionLayersTest {

    private static final Path SERVICE = Path.of("src/main/java/io/penguin/gateway/sessions/service");

    @Test
    void theServiceLayerImportsNothingFromTheWebSocketLayerOrTheWebSocketServer() throws IOException {
        List<String> imports;
        try (Stream<Path> files = Files.list(SERVICE)) {
            imports = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(SessionLayersTest::lines)
                    .filter(line -> line.startsWith("import "))
                    .toList();
        }
        assertThat(imports).isNotEmpty();
        assertThat(imports)
                .noneMatch(line -> line.contains("io.penguin.gateway.sessions.websocket")
                        || line.contains("io.quarkus.websockets.next"));
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
