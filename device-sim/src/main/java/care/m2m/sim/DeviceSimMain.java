package care.m2m.sim;

import care.m2m.sim.cli.SimCommand;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/**
 * Entry point of {@code java -jar device-sim.jar}. Ctrl-C does not kill the fleet mid-flight: it asks the run to
 * stop, waits for the summary to be printed, and exits with the run's own exit code.
 */
public final class DeviceSimMain {

    private static final long STOP_GRACE_SECONDS = 30;

    private DeviceSimMain() {
    }

    public static void main(String[] args) {
        CommandLine commandLine = SimCommand.commandLine(System.getenv());
        SimCommand command = commandLine.getCommand();
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(1);
        Thread hook = new Thread(() -> {
            command.requestStop();
            try {
                if (finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    Runtime.getRuntime().halt(exitCode.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "device-sim-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        exitCode.set(commandLine.execute(args));
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return;
        }
        System.exit(exitCode.get());
    }
}
