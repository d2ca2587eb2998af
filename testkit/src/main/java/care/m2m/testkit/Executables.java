package care.m2m.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the server binaries that Debian's packages install, on PATH or in the system folders a non-root PATH
 * often lacks, and says how to get them when they are missing.
 */
final class Executables {

    private static final List<String> SYSTEM_DIRS = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin",
            "/usr/local/sbin", "/usr/local/bin");

    private Executables() {
    }

    /**
     * The path of {@code name}, looked up on PATH, then in the system folders, then in {@code moreDirs}.
     *
     * @param debianPackage the package that installs it, named in the failure message
     * @throws IllegalStateException when it is nowhere
     */
    static Path find(String name, String debianPackage, List<Path> moreDirs) {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        SYSTEM_DIRS.forEach(dir -> dirs.add(Path.of(dir)));
        dirs.addAll(moreDirs);
        for (Path dir : dirs) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " not found (looked in " + dirs + "): run scripts/test.sh, "
                + "which installs Debian's " + debianPackage + " package");
    }

    static Path find(String name, String debianPackage) {
        return find(name, debianPackage, List.of());
    }

    /** Whether this JVM runs as root, where some servers (PostgreSQL) must be started as another user. */
    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
