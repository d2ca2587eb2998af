package care.m2m.sim.firmware;

import java.time.Duration;

/**
 * Runs an action's completion later without blocking a thread while the action "takes time"; the runner backs
 * it with the shared scheduler, tests with a manual queue.
 */
@FunctionalInterface
public interface ActionScheduler {

    void schedule(Duration delay, Runnable task);
}
