package io.penguin.service.messaging;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.penguin.contracts.Events;
import io.penguin.contracts.PenguinEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.Record;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Events as Kafka records: JSON value, keyed by the event's aggregate id. */
public final class KafkaRecords {

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private KafkaRecords() {}

    public static Record<String, String> of(PenguinEvent event) {
        return Record.of(event.key(), Events.encode(event));
    }

    /**
     * An event produced while handling a consumed record, in the same trace: a batch consumer handles many records,
     * each from its own trace, so the trace context travels per record instead of through the thread's context.
     */
    public static Message<Record<String, String>> causedBy(PenguinEvent event, ConsumerRecord<String, String> cause) {
        Message<Record<String, String>> message = Message.of(of(event));
        if (cause.headers().lastHeader("traceparent") == null) {
            return message;
        }
        Context context = W3CTraceContextPropagator.getInstance().extract(Context.root(), cause.headers(), HEADERS);
        return message.addMetadata(TracingMetadata.with(context, context));
    }
}
