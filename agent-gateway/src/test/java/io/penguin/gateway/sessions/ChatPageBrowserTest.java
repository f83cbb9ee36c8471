package io.penguin.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.embedded.HeadlessBrowser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The chat page in a real headless browser: type the key and a question, answer, decline, and read the agent's
 * response, all through the page's own controls. Skipped without chromium unless CI=true.
 */
@QuarkusTest
@WithTestResource(EmbeddedInfrastructureResource.class)
class ChatPageBrowserTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aPersonCanChatWithTheAgentInTheBrowser() throws Exception {
        Path chromium = HeadlessBrowser.chromium().orElse(null);
        Assumptions.assumeTrue(HeadlessBrowser.required() || chromium != null, "chromium not installed");
        assertThat(chromium)
                .as("chromium is required under CI (apt-get install -y chromium)")
                .isNotNull();
        try (HeadlessBrowser browser = HeadlessBrowser.start(chromium)) {
            HeadlessBrowser.Page page = browser.open(gateway.toString());
            page.evaluate("document.getElementById('key').value = 'test-agent-key';"
                    + "document.getElementById('mode').value = 'agent';"
                    + "document.getElementById('query').value = 'How do I tell my parents I failed my exams?';"
                    + "document.getElementById('ask').click(); true");

            page.waitFor(
                    "document.querySelectorAll('.msg.question').length === 1 && !document.getElementById('reply').hidden");
            assertThat(page.evaluate("document.querySelector('.msg.question').dataset.attribute")
                            .asText())
                    .isEqualTo("Emotional State");
            page.evaluate("document.getElementById('answer').value = 'Anxious and ashamed';"
                    + "document.getElementById('send-answer').click(); true");
            page.waitFor(
                    "document.querySelectorAll('.msg.question').length === 2 && !document.getElementById('reply').hidden");
            page.evaluate("document.getElementById('decline').click(); true");
            // any further question gets the answer "20" until the response arrives
            page.waitFor("document.querySelector('.msg.response') !== null"
                    + " || (!document.getElementById('reply').hidden && (document.getElementById('answer').value = '20',"
                    + " document.getElementById('send-answer').click(), false))");

            String response = page.evaluate("document.querySelector('.msg.response').textContent")
                    .asText();
            assertThat(response).contains("Asked about: Emotional State");
            assertThat(page.evaluate("document.querySelectorAll('.msg.error').length")
                            .asInt())
                    .isZero();
            page.waitFor("document.getElementById('status').textContent.includes('completed')");
        }
    }

    @Test
    void theBrowserIsToldWhenTheKeyIsWrong() throws Exception {
        Path chromium = HeadlessBrowser.chromium().orElse(null);
        Assumptions.assumeTrue(HeadlessBrowser.required() || chromium != null, "chromium not installed");
        try (HeadlessBrowser browser = HeadlessBrowser.start(chromium)) {
            HeadlessBrowser.Page page = browser.open(gateway.toString());
            page.evaluate("document.getElementById('key').value = 'not-a-key';"
                    + "document.getElementById('query').value = 'hello';"
                    + "document.getElementById('ask').click(); true");
            page.waitFor("document.querySelector('.msg.error') !== null");
            assertThat(page.evaluate("document.querySelector('.msg.error').textContent")
                            .asText())
                    .contains("check the API key");
        }
    }
}
