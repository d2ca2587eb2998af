package care.m2m.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Mosquitto broker (Debian's {@code mosquitto} package) for tests: a third-party MQTT implementation
 * to bridge to or to compare the gateway's broker with, and {@code mosquitto_pub}/{@code mosquitto_sub}
 * as independent clients. Anonymous, no persistence, loopback only.
 */
public final class MosquittoServer extends LocalServer {

    private static final SharedServer<MosquittoServer> SHARED = new SharedServer<>("Mosquitto", MosquittoServer::new);

    private final Path binary;
    private final int port;
    private final Path config;
    private final Path log;
    private ForegroundProcess process;

    private MosquittoServer() {
        super("mosquitto");
        this.binary = Executables.find("mosquitto", "mosquitto");
        this.port = FreePorts.next();
        this.config = home().resolve("mosquitto.conf");
        this.log = home().resolve("mosquitto.log");
        String text = """
                listener %d 127.0.0.1
                allow_anonymous true
                persistence false
                log_dest stdout
                log_type error
                log_type warning
                log_type notice
                log_type information
                """.formatted(port);
        try {
            Files.writeString(config, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
    }

    /** The broker shared by every test of this JVM, started on first use (and again if a test stopped it). */
    public static MosquittoServer shared() {
        return SHARED.get();
    }

    /**
     * A broker of the caller's own, next to the shared one (a second gateway address for fail-over tests),
     * started on a free loopback port; the caller stops it.
     */
    public static MosquittoServer separate() {
        MosquittoServer server = new MosquittoServer();
        server.start();
        return server;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The broker's address as Paho spells it: {@code tcp://127.0.0.1:PORT}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    protected void launch() {
        process = startForeground(List.of(binary.toString(), "-c", config.toString()), log,
                "accept connections on 127.0.0.1:" + port, this::accepts);
    }

    @Override
    protected void halt(boolean teardown) {
        stopForeground(process, teardown, Duration.ofSeconds(10));
    }

    @Override
    protected String describe() {
        return url();
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
