package care.m2m.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL (Debian's {@code postgresql} package) for tests, so that migrations and queries are
 * checked against the database production runs rather than only against H2's PostgreSQL mode. PostgreSQL
 * refuses to run as root: when the JVM is root, its tools run as the {@code postgres} user, which owns the
 * temporary folder. Authentication is {@code trust} on 127.0.0.1, user {@code postgres}, no password.
 */
public final class PostgresServer extends LocalServer {

    private static final SharedServer<PostgresServer> SHARED = new SharedServer<>("PostgreSQL", PostgresServer::new);
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);
    private static final String USER = "postgres";

    private final Path bin;
    private final List<String> asPostgres;
    private final int port;
    private final Path data;
    private final Path log;

    private PostgresServer() {
        super("postgresql");
        this.bin = PostgresBinaries.find();
        this.asPostgres = Executables.runningAsRoot()
                ? List.of(Executables.find("runuser", "util-linux").toString(), "-u", USER, "--")
                : List.of();
        this.port = FreePorts.next();
        this.data = home().resolve("data");
        this.log = home().resolve("postgres.log");
        if (Executables.runningAsRoot()) {
            giveToPostgresUser(home());
        }
        Commands.check(tool("initdb", "-D", data.toString(), "-A", "trust", "-U", USER, "-E", "UTF8",
                "--locale=C", "--no-sync"), home(), TOOL_TIMEOUT);
    }

    /** The PostgreSQL shared by every test of this JVM, started on first use (and again if a test stopped it). */
    public static PostgresServer shared() {
        return SHARED.get();
    }

    public int port() {
        return port;
    }

    /** A JDBC URL for the database; connect as {@link #user()} with an empty password. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return USER;
    }

    /** The password for {@link #user()}: empty, since loopback connections are trusted. */
    public String password() {
        return "";
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        String exists = psql("postgres", "SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'");
        if (exists.isBlank()) {
            psql("postgres", "CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        }
    }

    /** Runs SQL with {@code psql} over TCP and returns its unaligned, tuples-only output. */
    public String psql(String database, String sql) {
        return Commands.check(List.of(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t",
                "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER,
                "-d", database, "-c", sql), home(), TOOL_TIMEOUT).strip();
    }

    @Override
    protected void launch() {
        String options = "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1";
        Commands.Result started = Commands.run(tool("pg_ctl", "-D", data.toString(), "-l", log.toString(),
                "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()), "-o", options, "start"), home(), TOOL_TIMEOUT);
        if (!started.succeeded()) {
            throw new IllegalStateException(ProcessLogs.withTail("pg_ctl start exited with " + started.exitCode()
                    + ": " + started.output().strip(), log));
        }
        awaitReady("accept 'select 1' on 127.0.0.1:" + port, this::answers, () -> true, log);
    }

    @Override
    protected void halt(boolean teardown) {
        Commands.Result stopped = Commands.run(tool("pg_ctl", "-D", data.toString(), "-w",
                "-m", teardown ? "immediate" : "fast", "stop"), home(), TOOL_TIMEOUT);
        if (!stopped.succeeded()) {
            throw new IllegalStateException(ProcessLogs.withTail("pg_ctl stop exited with " + stopped.exitCode()
                    + ": " + stopped.output().strip(), log));
        }
    }

    @Override
    protected String describe() {
        return "127.0.0.1:" + port + ", data in " + data;
    }

    private boolean answers() {
        Commands.Result ready = Commands.run(List.of(bin.resolve("pg_isready").toString(), "-q", "-h", "127.0.0.1",
                "-p", String.valueOf(port), "-U", USER), home(), TOOL_TIMEOUT);
        if (!ready.succeeded()) {
            return false;
        }
        try {
            return "1".equals(psql("postgres", "select 1"));
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private List<String> tool(String name, String... args) {
        List<String> command = new ArrayList<>(asPostgres);
        command.add(bin.resolve(name).toString());
        command.addAll(List.of(args));
        return command;
    }

    private static void giveToPostgresUser(Path dir) {
        try {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            view.setOwner(users.lookupPrincipalByName(USER));
            GroupPrincipal group = users.lookupPrincipalByGroupName(USER);
            view.setGroup(group);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + dir + " to the user '" + USER + "' (Debian's postgresql "
                    + "package creates it: run scripts/test.sh)", e);
        }
    }
}
