package care.m2m.gateway.commands;

/** Told when a command reaches a final state; called on the service-ladder context, must not block. */
public interface CommandListener {

    void onFinished(CommandRecord command);
}
