package care.m2m.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every test server shares: a temporary home folder that disappears with the JVM, idempotent
 * {@link #start()} and {@link #stop()} so that reliability tests can take a server away and bring it back on
 * the same ports with the same data, and a readiness wait that fails with the server's log.
 */
public abstract class LocalServer {

    private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);

    /** How long a server may take to answer after it was launched; generous for slow CI machines. */
    protected static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Path home;
    private volatile boolean running;

    protected LocalServer(String name) {
        this.name = name;
        try {
            this.home = Files.createTempDirectory("m2mcare-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(
                Thread.ofPlatform().name("m2mcare-testkit-" + name + "-teardown").unstarted(this::teardown));
    }

    /** Starts the server and returns once it answers; does nothing when it already runs. */
    public final synchronized void start() {
        if (running) {
            return;
        }
        long begin = System.nanoTime();
        launch();
        running = true;
        LOG.info("{} ready in {} ms ({})", name, (System.nanoTime() - begin) / 1_000_000, describe());
    }

    /** Stops the server cleanly, keeping its data and ports for a later {@link #start()}. */
    public final synchronized void stop() {
        if (!running) {
            return;
        }
        halt(false);
        running = false;
        LOG.info("{} stopped", name);
    }

    public final synchronized boolean isRunning() {
        return running;
    }

    /** The temporary folder holding the server's configuration, data and log. */
    public final Path home() {
        return home;
    }

    protected final String name() {
        return name;
    }

    /** Launches the server and returns once it answers, or throws (with its log) after cleaning up. */
    protected abstract void launch();

    /** Stops the server; {@code teardown} means the JVM exits and the data will be deleted, so speed wins. */
    protected abstract void halt(boolean teardown);

    /** Where the server listens, for the log. */
    protected abstract String describe();

    /** Starts a server that runs in the foreground and waits until it is ready; kills it if it never gets there. */
    protected final ForegroundProcess startForeground(List<String> command, Path log, String expectation,
            BooleanSupplier ready) {
        ForegroundProcess started = ForegroundProcess.start(command, home(), log);
        try {
            awaitReady(expectation, ready, started::isAlive, log);
        } catch (RuntimeException e) {
            started.kill();
            throw e;
        }
        return started;
    }

    /** Stops a foreground server: at once on teardown, else gracefully within {@code grace}. */
    protected static void stopForeground(ForegroundProcess process, boolean teardown, Duration grace) {
        if (process == null) {
            return;
        }
        if (teardown) {
            process.kill();
        } else {
            process.stop(grace);
        }
    }

    /**
     * Polls {@code ready} until it holds; fails at once when {@code alive} stops holding (the server exited)
     * and after {@link #START_TIMEOUT} otherwise, quoting the log either way.
     */
    protected final void awaitReady(String expectation, BooleanSupplier ready, BooleanSupplier alive, Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ready.getAsBoolean()) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(ProcessLogs.withTail(name + " exited before " + expectation, log));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        ProcessLogs.withTail(name + " did not " + expectation + " within " + START_TIMEOUT, log));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
    }

    private void teardown() {
        // No lock: a thread may hold it while the JVM exits; stopping twice is harmless here.
        try {
            if (running) {
                halt(true);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} did not stop cleanly at JVM exit: {}", name, e.getMessage());
        }
        deleteRecursively(home);
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", root, e.getMessage());
        }
    }
}
