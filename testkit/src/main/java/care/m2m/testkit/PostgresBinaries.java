package care.m2m.testkit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Debian keeps PostgreSQL's server tools off PATH, in {@code /usr/lib/postgresql/VERSION/bin}: this finds
 * that folder through {@code pg_config --bindir} when it is installed, else the newest version there.
 */
final class PostgresBinaries {

    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    private PostgresBinaries() {
    }

    static Path find() {
        List<Path> candidates = new ArrayList<>();
        fromPgConfig(candidates);
        fromDebianLayout(candidates);
        for (Path dir : candidates) {
            if (Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))) {
                return dir;
            }
        }
        throw new IllegalStateException("initdb and pg_ctl not found (looked in " + candidates + " and in "
                + DEBIAN_ROOT + "/*/bin): run scripts/test.sh, which installs Debian's postgresql package");
    }

    private static void fromPgConfig(List<Path> candidates) {
        try {
            Path pgConfig = Executables.find("pg_config", "libpq-dev");
            Commands.Result result = Commands.run(List.of(pgConfig.toString(), "--bindir"), null, Duration.ofSeconds(30));
            if (result.succeeded()) {
                candidates.add(Path.of(result.output().strip()));
            }
        } catch (IllegalStateException e) {
            // pg_config is optional: the Debian layout below is the usual way
        }
    }

    private static void fromDebianLayout(List<Path> candidates) {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return;
        }
        List<Path> versions = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(DEBIAN_ROOT)) {
            dirs.forEach(versions::add);
        } catch (IOException e) {
            return;
        }
        versions.sort(Comparator.comparing(PostgresBinaries::versionOf).reversed());
        versions.forEach(version -> candidates.add(version.resolve("bin")));
    }

    private static double versionOf(Path dir) {
        try {
            return Double.parseDouble(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
