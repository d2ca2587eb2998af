package care.m2m.contracts.check;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.Telemetry;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.validation.ContractViolation;
import care.m2m.contracts.validation.TelemetryValidator;
import care.m2m.contracts.validation.Violation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A command-line check firmware teams run on their own output, in their own build, before a gateway ever sees
 * it: {@code ContractCheck <type> <file> [--model ID]}. It decodes the file exactly as the gateway does (JSON or
 * CBOR, told apart by the first byte) and, with a model, also checks metric names, types, ranges and fault codes.
 * Prints {@code OK} and exits 0, or prints every violation and exits 1; usage errors exit 2.
 */
public final class ContractCheck {

    static final int OK = 0;
    static final int VIOLATED = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = """
            usage: ContractCheck <type> <file> [--model ID]
              type   telemetry, event, command, command-result, tip, config, tip-state or tip-feedback
              file   one message, JSON or CBOR
              --model check metrics and fault codes against a built-in device model, for example coffee-espresso-x1""";

    private ContractCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the check; returns the exit status instead of exiting, so tests can call it. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (!(args.length == 2 || (args.length == 4 && "--model".equals(args[2])))) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Optional<MessageType> type = MessageCodec.typeOfName(args[0]);
        if (type.isEmpty()) {
            err.println("unknown message type '" + args[0] + "'\n" + USAGE_TEXT);
            return USAGE;
        }
        DeviceModel model = null;
        if (args.length == 4) {
            try {
                model = DeviceModels.builtIn().require(args[3]);
            } catch (NoSuchElementException e) {
                err.println(e.getMessage());
                return USAGE;
            }
        }
        byte[] payload;
        try {
            payload = Files.readAllBytes(Path.of(args[1]));
        } catch (IOException e) {
            err.println("cannot read " + args[1] + ": " + e.getMessage());
            return USAGE;
        }
        try {
            Object message = MessageCodec.shared().decode(type.get(), payload, Encoding.sniff(payload));
            if (model != null && message instanceof Telemetry telemetry) {
                TelemetryValidator.check(model, telemetry);
            } else if (model != null && message instanceof DeviceEvent event) {
                TelemetryValidator.check(model, event);
            }
            out.println("OK");
            return OK;
        } catch (ContractViolation e) {
            out.println(e.reason().name());
            for (Violation violation : e.violations()) {
                out.println("  " + violation);
            }
            return VIOLATED;
        }
    }
}
