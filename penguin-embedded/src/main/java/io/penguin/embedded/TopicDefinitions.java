package io.penguin.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** Reads {@code infra/kafka/topics.conf} (a copy ships in this jar) and creates the topics that are missing. */
public final class TopicDefinitions {

    private static final String RESOURCE = "/penguin/kafka/topics.conf";
    private static final Set<String> POLICIES = Set.of("delete", "compact");

    private TopicDefinitions() {}

    public static List<TopicDefinition> standard() {
        try (InputStream in = TopicDefinitions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("topic definitions " + RESOURCE + " are missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the whitespace-separated format; an error names the line and what is wrong with it. */
    public static List<TopicDefinition> parse(String text, String source) {
        List<TopicDefinition> topics = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                topics.add(parseLine(trimmed, source, number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(topics);
    }

    private static TopicDefinition parseLine(String line, String source, int number) {
        String[] columns = line.split("\\s+");
        String where = source + " line " + number + ": ";
        if (columns.length != 4) {
            throw new IllegalArgumentException(where
                    + "expected 4 columns (name partitions cleanup.policy retention.ms), found " + columns.length);
        }
        if (!POLICIES.contains(columns[2])) {
            throw new IllegalArgumentException(where + "cleanup.policy must be delete or compact, was " + columns[2]);
        }
        try {
            int partitions = Integer.parseInt(columns[1]);
            if (partitions < 1) {
                throw new IllegalArgumentException(where + "partitions must be at least 1, was " + partitions);
            }
            return new TopicDefinition(columns[0], partitions, columns[2], Long.parseLong(columns[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "partitions and retention.ms must be numbers", e);
        }
    }

    /** Creates every missing topic; existing topics are left as they are. Returns the names it created. */
    public static List<String> apply(String bootstrapServers, List<TopicDefinition> topics) {
        try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }
}
