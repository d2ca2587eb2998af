package care.m2m.gateway.tips;

import java.util.Objects;

/**
 * A tip someone wants the customer to get (the usage advisor, a fault's self-service rung, an operator),
 * before the customer's preferences decided whether and when it is delivered.
 */
public record TipProposal(String deviceId, String customerRef, String kind, String title, String text,
        Double benefitKwh, Double benefitEur, String evidenceKey, TipRecord.Source source) {

    public TipProposal {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(customerRef, "customerRef");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(evidenceKey, "evidenceKey");
        Objects.requireNonNull(source, "source");
        title = title.length() <= 120 ? title : title.substring(0, 117) + "...";
        text = text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
