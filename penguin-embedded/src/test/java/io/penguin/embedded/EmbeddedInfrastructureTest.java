package io.penguin.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.contracts.Topics;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureTest {

    private final EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();

    @Test
    void brokerHasTheDefinedTopicsAndCarriesRecords() throws Exception {
        String bootstrap = infrastructure.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertThat(names).contains(Topics.GENERATION_REQUESTS, Topics.POLICIES, Topics.dlq(Topics.RESPONSES));
        }
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("embedded.smoke", "k", "v")).get(10, TimeUnit.SECONDS);
        }
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        "bootstrap.servers", bootstrap, "group.id", "smoke", "auto.offset.reset", "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("embedded.smoke"));
            int seen = 0;
            long deadline = System.currentTimeMillis() + 20_000;
            while (seen == 0 && System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                seen += records.count();
            }
            assertThat(seen).isEqualTo(1);
        }
    }

    @Test
    void postgresHasOneDatabasePerStatefulServiceAndOneForTheModelCallCache() throws Exception {
        List<String> databases = new java.util.ArrayList<>(EmbeddedPostgres.SERVICE_DATABASES);
        databases.add(EmbeddedPostgres.MODEL_CACHE_DATABASE);
        for (String database : databases) {
            try (Connection connection =
                            infrastructure.postgres().dataSource(database).getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("select current_database(), version()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo(database);
                assertThat(result.getString(2)).startsWith("PostgreSQL");
            }
        }
    }
}
