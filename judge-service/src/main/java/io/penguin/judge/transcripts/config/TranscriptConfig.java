package io.penguin.judge.transcripts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Transcripts: what each work item's target saw and said, kept to be read beside its scores. */
@ConfigMapping(prefix = "penguin.transcripts")
public interface TranscriptConfig {

    /**
     * Whether transcripts are written at all; {@code false} keeps scores and reasons only (a deployment that may not
     * store responses and profiles a second time).
     */
    @WithDefault("true")
    boolean keep();

    /** How long a transcript is kept after it was written; older ones are deleted by the purge. */
    @WithDefault("30d")
    Duration retention();

    /** How often the purge of transcripts older than the retention runs. */
    @WithDefault("1h")
    Duration purgeEvery();
}
