package io.penguin.judge.transcripts.messaging;

import io.penguin.contracts.Events;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.judge.transcripts.service.Transcripts;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Responses in, transcripts stored, a polled batch per transaction, in a consumer group of its own
 * ({@code judge-service-transcripts}): judging never waits for a transcript, and a transcript is stored whether or not
 * its response has been judged yet. A record that is not a valid response is skipped here; the judging consumer
 * dead-letters it.
 */
@ApplicationScoped
public class TranscriptConsumer {

    private final Transcripts transcripts;

    public TranscriptConsumer(Transcripts transcripts) {
        this.transcripts = transcripts;
    }

    @Incoming("transcripts")
    @Blocking
    public void store(ConsumerRecords<String, String> records) {
        if (!transcripts.keeping()) {
            return;
        }
        List<ResponseGenerated> responses = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                responses.add(Events.decode(record.value(), ResponseGenerated.class));
            } catch (RuntimeException e) {
                Log.debugf(
                        "%s-%d@%d is not a response: no transcript",
                        record.topic(), record.partition(), record.offset());
            }
        }
        transcripts.record(responses);
    }
}
