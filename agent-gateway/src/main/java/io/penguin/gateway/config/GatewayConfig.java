package io.penguin.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The agent gateway: how the agent behaves, who may talk to it, and the limits that keep it serving. */
@ConfigMapping(prefix = "penguin.gateway")
public interface GatewayConfig {

    Agent agent();

    Auth auth();

    Limits limits();

    Simulation simulation();

    OpenAi openai();

    /** The agent, for live and simulated sessions alike. */
    interface Agent {

        /** The most questions one session asks (a hard limit; the abstention module usually stops earlier). */
        @WithDefault("4")
        int questionBudget();

        /**
         * The abstention threshold: the agent answers once the sufficiency of what it knows (0-5, higher = more
         * sufficient) reaches this. 0 answers at once; 6 always spends the budget. The default is the offline
         * rating's stopping point (ReferenceAgentModel.SUFFICIENT): with the reference models it asks 2.8 questions
         * per dialogue on the built-in scenarios (AbstentionSweepBenchmark prints the trade-off).
         */
        @WithDefault("3")
        int sufficiencyThreshold();

        /** Retrieved planner paths shown to the agent model in planner mode. */
        @WithDefault("3")
        int examples();

        /**
         * Query embeddings held in memory (entries; 0 for none): the chat-completions endpoint resumes a conversation
         * from its history every turn, and embeds its query again unless it is held. At most about 6 KB an entry
         * (a 2,000-character query and 384 floats). Keys are users' queries: kept in memory only, never logged.
         */
        @WithDefault("4096")
        int queryEmbeddingCacheSize();

        /** The scenario splits whose plans retrieval may see; the test split's own plans would leak. */
        @WithDefault("train")
        Set<String> retrievalSplits();

        /** The mode of a live session whose query frame names none. */
        @WithDefault("planner")
        String defaultMode();

        /**
         * The target model of a live session whose query frame names none; the rule-based responder
         * ({@code reference}) when unset. Unset while an endpoint is configured, the gateway says at start which model
         * live users get, so that nobody takes rule-based answers for a model's.
         */
        Optional<String> defaultModel();
    }

    /** Client authentication at the WebSocket upgrade. */
    interface Auth {

        /** {@code api-key} (the default) or {@code none} (local development only: every client is "anonymous"). */
        @WithDefault("api-key")
        String mode();

        /** Clients by id, each with the SHA-256 (hex) of its API key: the gateway keeps no key in clear. */
        Map<String, Client> clients();
    }

    interface Client {

        /** {@code sha256sum} of the key, lower-case hex. */
        String keySha256();
    }

    /** Per-client and per-session limits. */
    interface Limits {

        /** Open sessions per client; the next upgrade gets 429. */
        @WithDefault("200")
        int maxSessionsPerClient();

        /** Frames per minute from one client, over all its sessions; beyond it frames are dropped (rate-limited). */
        @WithDefault("12000")
        int clientMessagesPerMinute();

        /** Frames per minute in one session (a person types far fewer); twice this ends the session (flood). */
        @WithDefault("60")
        int sessionMessagesPerMinute();

        /** A frame larger than this is rejected with frame-too-large (frames over 64 KiB are cut off). */
        @WithDefault("8192")
        int maxFrameBytes();

        /** A frame larger than this ends the session with close 1009 (message too big), as the protocol says. */
        @WithDefault("65536")
        int cutOffBytes();

        /** The longest query a client may send, in characters; a longer one gets an {@code invalid-field} error. */
        @WithDefault("2000")
        int maxQueryChars();

        /** The longest answer to a question, in characters; a longer one gets an {@code invalid-field} error. */
        @WithDefault("1000")
        int maxAnswerChars();

        /** Error frames after which the session ends (too-many-errors). */
        @WithDefault("10")
        int maxErrorsPerSession();

        /** A session with no client frame for this long is ended (idle-timeout). */
        @WithDefault("120s")
        Duration idleTimeout();
    }

    /** Simulated sessions for evaluation runs. */
    interface Simulation {

        /**
         * How long a session's response may take to reach the broker before the item is dead-lettered. How many
         * sessions run at once is {@code penguin.consumer.*} (the endpoints' limits).
         */
        @WithDefault("60s")
        Duration publishTimeout();

        /** How long simulated sessions wait at start-up for the policy index to catch up with the topic. */
        @WithDefault("120s")
        Duration indexWait();
    }

    /** The OpenAI-compatible endpoint ({@code POST /v1/chat/completions}, docs/openai-endpoint.md). */
    interface OpenAi {

        /** A request body larger than this gets 400 (the messages are the part that grows). */
        @WithDefault("65536")
        int maxBodyBytes();

        /** The most messages one request may carry (the conversation so far, the client's system messages included). */
        @WithDefault("100")
        int maxMessages();

        /**
         * The mode the agent chooses its questions in ({@code planner} or {@code agent}); the request has no field for
         * it.
         */
        @WithDefault("planner")
        String mode();

        /**
         * The most characters per content delta when {@code stream: true}: the target model's pieces are relayed as
         * they come, and a longer one (the reference models give their answer in one piece, a question is never a
         * model's text) is cut into deltas of about this size.
         */
        @WithDefault("24")
        int streamDeltaChars();
    }
}
