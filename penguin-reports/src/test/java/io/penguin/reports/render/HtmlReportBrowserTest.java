package io.penguin.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.reports.JudgementRow;
import io.penguin.reports.ReportBuilder;
import io.penguin.reports.TestRuns;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the HTML report in a real headless browser (Debian's chromium) and checks that the charts render: the SVG bars
 * are in the browser's DOM, and the screenshot shows the bar colours. A machine without chromium skips this; CI
 * (environment CI=true) or -Dpenguin.requireChromium=true makes a missing chromium a failure. The page and its
 * screenshot stay in target/browser-check/ for a look.
 */
class HtmlReportBrowserTest {

    private static final Path OUT = Path.of("target/browser-check").toAbsolutePath();
    private static Path chromium;
    private static Path page;
    private static String html;

    @BeforeAll
    static void writePage() throws IOException {
        chromium = findChromium();
        boolean required =
                "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("penguin.requireChromium");
        Assumptions.assumeTrue(
                required || chromium != null,
                "chromium not found (apt-get install -y chromium): the headless browser check is skipped");
        assertThat(chromium)
                .as("chromium is required under CI (apt-get install -y chromium)")
                .isNotNull();
        List<JudgementRow> rows = new ArrayList<>(TestRuns.fullRun("reference", 7));
        rows.addAll(TestRuns.fullRun("second-model", 11));
        html = Html.render(new ReportBuilder().build("browser-check", rows));
        Files.createDirectories(OUT);
        page = OUT.resolve("report.html");
        Files.writeString(page, html);
    }

    private static Path findChromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    private static String run(String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("penguin-chromium-");
        List<String> command = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        Path stdout = Files.createTempFile("chromium-out", ".txt");
        Path stderr = Files.createTempFile("chromium-err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + Files.readString(stderr));
        }
        assertThat(process.exitValue())
                .as("chromium exit code; stderr: %s", Files.readString(stderr))
                .isZero();
        return Files.readString(stdout);
    }

    @Test
    void theBrowsersDomHasEveryChartBar() throws Exception {
        String dom = run("--dump-dom");
        Files.writeString(OUT.resolve("dom.html"), dom);
        assertThat(count(dom, "<svg")).isEqualTo(count(html, "<svg")).isGreaterThanOrEqualTo(5);
        assertThat(count(dom, "class=\"bar\""))
                .isEqualTo(count(html, "class=\"bar\""))
                .isGreaterThan(100);
        assertThat(dom).contains("REFERENCE-MODEL RESULTS").contains("chart-sensitivity");
    }

    @Test
    void theScreenshotShowsTheChartsInColour() throws Exception {
        Path png = OUT.resolve("report.png");
        Files.deleteIfExists(png);
        run("--screenshot=" + png, "--window-size=1280,2000", "--hide-scrollbars");
        assertThat(png).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        Set<Integer> colours = new HashSet<>();
        int barPixels = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (close(rgb, 0x0072b2) || close(rgb, 0x009e73)) {
                    barPixels++;
                }
            }
        }
        assertThat(colours.size()).as("distinct colours: not a blank page").isGreaterThan(50);
        assertThat(barPixels)
                .as("pixels in the context-rich and best-3 bar colours")
                .isGreaterThan(500);
    }

    private static boolean close(int rgb, int target) {
        int dr = ((rgb >> 16) & 0xff) - ((target >> 16) & 0xff);
        int dg = ((rgb >> 8) & 0xff) - ((target >> 8) & 0xff);
        int db = (rgb & 0xff) - (target & 0xff);
        return Math.abs(dr) + Math.abs(dg) + Math.abs(db) < 24;
    }

    private static int count(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
