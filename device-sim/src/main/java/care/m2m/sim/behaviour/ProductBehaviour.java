package care.m2m.sim.behaviour;

import care.m2m.contracts.messages.MetricValue;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The physical product behind simulated firmware: it evolves over simulated time, reports its sensors and can
 * carry one fault at a time. Faults change the physics (a stuck heater relay makes the boiler climb past 130 °C),
 * and the product says when the symptom is visible to its own firmware, which then raises the fault event.
 * Not thread-safe: the owning firmware serialises calls.
 */
public interface ProductBehaviour {

    String modelId();

    /** The simulated time the product has reached. */
    Instant now();

    /** Advances the product to simulated time {@code time}; earlier times are ignored. */
    void advanceTo(Instant time);

    /** The current sensor readings, every metric of the model, always inside the model's ranges. */
    Map<String, MetricValue> readings();

    /** The fault the product has now, detected or not. */
    Optional<String> activeFault();

    /**
     * Gives the product a fault of its model; its symptoms start now.
     *
     * @throws IllegalArgumentException if the model does not declare {@code code}
     */
    void injectFault(String code);

    /** Removes the active fault (repaired, or fixed by the customer); the product recovers over time. */
    void clearFault();

    /** True once the active fault's symptom is visible to the firmware (a reading past its limit, a timeout). */
    boolean faultNoticed();

    /** The firmware started running {@code action}, for example a descaling cycle. */
    void actionStarted(String action);

    /**
     * The customer followed a tip: from now on the product uses {@code saving} (a share) less energy, which its
     * power reading and energy counter show. Called at most once.
     */
    void followTip(double saving);

    /** The firmware finished {@code action}; {@code repaired} when it cleared the active fault. */
    void actionFinished(String action, boolean repaired);
}
