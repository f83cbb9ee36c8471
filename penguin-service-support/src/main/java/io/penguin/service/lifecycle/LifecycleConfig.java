package io.penguin.service.lifecycle;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** How a service relates to the process that started it. */
@ConfigMapping(prefix = "penguin.lifecycle")
public interface LifecycleConfig {

    /**
     * The process id of the launcher that started this service (the embedded platform sets it); when that process
     * is gone, even SIGKILLed, the service stops itself. Unset for services run by an orchestrator.
     */
    Optional<Long> parentPid();
}
