package care.m2m.anomaly.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's shared recorded data ({@code ../shared/data} from the repository root).
 *
 * <p>The evaluations run from the repository root, from the module folder or from Surefire (which sets
 * {@code m2mcare.shared.dir}); this looks in each of those places so no command needs a path argument.
 */
public final class SharedData {

    /** System property naming the shared folder, set by the parent pom for tests. */
    public static final String SHARED_DIR_PROPERTY = "m2mcare.shared.dir";

    private SharedData() {
    }

    /** The folder {@code data/<name>} of the shared folder, if it can be found. */
    public static Optional<Path> locate(String name) {
        String configured = System.getProperty(SHARED_DIR_PROPERTY);
        if (configured != null) {
            Path candidate = Path.of(configured, "data", name);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.normalize());
            }
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data").resolve(name);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }
}
