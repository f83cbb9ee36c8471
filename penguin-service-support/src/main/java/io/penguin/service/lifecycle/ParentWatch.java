package io.penguin.service.lifecycle;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stops the service when the launcher that started it is gone. A launcher stops its services on SIGTERM and SIGINT,
 * but a SIGKILLed launcher runs no code at all, and its services lived on, reparented to PID 1: each service watches
 * its parent itself ({@link ProcessHandle#onExit()}, which the JDK implements for any process) and exits when it goes.
 */
@ApplicationScoped
public class ParentWatch {

    void watch(@Observes StartupEvent started, LifecycleConfig config) {
        config.parentPid()
                .ifPresent(pid -> ProcessHandle.of(pid)
                        .ifPresentOrElse(parent -> parent.onExit().thenRun(() -> stop(pid)), () -> stop(pid)));
    }

    private static void stop(long pid) {
        Log.warnf("the launcher (pid %d) that started this service is gone: stopping", pid);
        Quarkus.asyncExit(0);
    }
}
