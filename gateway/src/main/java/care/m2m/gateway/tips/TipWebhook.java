package care.m2m.gateway.tips;

/**
 * The webhook channel of tips (towards a messaging or e-mail provider): an event per tip delivered or changed,
 * handed to the signed, retried webhook outbox. Called on the tip service's worker; may block.
 */
@FunctionalInterface
public interface TipWebhook {

    /** @param event {@code tip.delivered} or {@code tip.updated} */
    void append(TipRecord tip, String event);
}
