package care.m2m.gateway.devices;

import java.util.List;

/** A device model id that is not in the model catalog. */
public final class UnknownModelException extends RuntimeException {

    public UnknownModelException(String model, List<String> known) {
        super("unknown device model '" + model + "'; known models: " + String.join(", ", known));
    }
}
