package io.penguin.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.embedded.EmbeddedInfrastructureResource;
import io.penguin.embedded.HeadlessBrowser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chat page in a real headless browser: type the key and a question, answer and decline inline, read the agent's
 * streamed response, ask a follow-up in the same thread, all through the page's own controls; a screenshot goes to
 * {@code target/chat-page.png}. Skipped without chromium unless CI=true.
 */
@QuarkusTest
@WithTestResource(EmbeddedInfrastructureResource.class)
class ChatPageBrowserTest {

    @TestHTTPResource("/")
    URI gateway;

    /** Replies to the open question, if any, through its own inline controls; a script expression, always false. */
    private static String replyInline(String control, String text) {
        return "((f => f && (f.querySelector('.answer-input').value = '" + text + "', f.querySelector('." + control
                + "').click()))(document.querySelector('.msg.question form.reply')), false)";
    }

    private static final String ANSWERED = "document.querySelectorAll('.msg.response .asked').length";

    @Test
    void aConversationRunsAsAThreadWithInlineRepliesStreamedAnswersAndAFollowUp() throws Exception {
        Path chromium = HeadlessBrowser.chromiumForTest();
        try (HeadlessBrowser browser = HeadlessBrowser.start(chromium)) {
            HeadlessBrowser.Page page = browser.open(gateway.toString());
            page.evaluate("document.getElementById('key').value = 'test-agent-key';"
                    + "document.getElementById('mode').value = 'agent';"
                    + "document.getElementById('query').value = 'How do I tell my parents I failed my exams?';"
                    + "document.getElementById('ask').click(); true");

            page.waitFor("document.querySelector('.msg.question form.reply') !== null");
            assertThat(page.evaluate("document.querySelector('.msg.question').dataset.attribute")
                            .asText())
                    .isEqualTo("Emotional State");
            assertThat(page.evaluate("document.getElementById('ask').disabled").asBoolean())
                    .as("the composer waits while a question is open")
                    .isTrue();
            page.evaluate(replyInline("answer", "Anxious and ashamed") + " || true");
            page.waitFor("document.querySelectorAll('.msg.question').length === 2"
                    + " && document.querySelector('.msg.question form.reply') !== null");
            page.evaluate(replyInline("decline", "") + " || true");
            // any further question is skipped until the response arrives: little is known, so the follow-up asks
            page.waitFor(ANSWERED + " === 1 || " + replyInline("skip", ""));

            assertThat(page.evaluate("Number(document.querySelector('.msg.response').dataset.deltas)")
                            .asInt())
                    .as("the answer streamed in from delta frames")
                    .isGreaterThan(1);
            String firstAsked = page.evaluate("document.querySelector('.msg.response').dataset.asked")
                    .asText();
            assertThat(firstAsked).startsWith("Emotional State,");
            assertThat(page.evaluate("document.querySelectorAll('.msg.question[data-reply=declined]').length")
                            .asInt())
                    .isEqualTo(1);

            page.evaluate("document.getElementById('query').value = 'And is there any point if I just disappear?';"
                    + "document.getElementById('ask').click(); true");
            page.waitFor(ANSWERED + " === 2 || " + replyInline("skip", ""));

            var thread = page.evaluate(
                    "Array.from(document.querySelectorAll('#thread > .msg'))"
                            + ".map(m => m.className.replace('msg ', '') + (m.dataset.attribute ? ':' + m.dataset.attribute : ''))");
            List<String> kinds = new java.util.ArrayList<>();
            thread.forEach(node -> kinds.add(node.asText()));
            assertThat(kinds.get(0)).isEqualTo("user query");
            assertThat(kinds).filteredOn(kind -> kind.equals("user query")).hasSize(2);
            assertThat(kinds).filteredOn(kind -> kind.equals("response")).hasSize(2);
            assertThat(kinds.get(kinds.size() - 1))
                    .as("the thread ends with the follow-up's answer")
                    .isEqualTo("response");
            List<String> followUpQuestions = kinds.subList(kinds.lastIndexOf("user query"), kinds.size()).stream()
                    .filter(kind -> kind.startsWith("question:"))
                    .map(kind -> kind.substring("question:".length()))
                    .toList();
            assertThat(followUpQuestions)
                    .as("the follow-up asks what it does not know yet")
                    .isNotEmpty();
            assertThat(followUpQuestions)
                    .as("the follow-up asks nothing asked before (%s)", firstAsked)
                    .doesNotContainAnyElementsOf(List.of(firstAsked.split(",")));
            assertThat(page.evaluate("document.querySelectorAll('.msg.error').length")
                            .asInt())
                    .isZero();
            assertThat(page.evaluate("document.getElementById('status').textContent")
                            .asText())
                    .as("the session goes on after the answers")
                    .startsWith("Connected");

            Path screenshot = page.screenshot(Path.of("target", "chat-page.png"), 900, 1400);
            assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        }
    }

    @Test
    void theBrowserIsToldWhenTheKeyIsWrong() throws Exception {
        Path chromium = HeadlessBrowser.chromiumForTest();
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
