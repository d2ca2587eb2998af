package care.m2m.sim.provision;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Device credentials on disk, as CSV ({@code id,model,secret} with that header, or
 * {@code id,model,secret,psk} once a device has a DTLS pre-shared key; files without the psk column still load) or as a JSON array of objects with
 * the same fields; a file whose name ends in {@code .json} is written as JSON, anything else as CSV, and reading
 * recognises either by its content. Written owner-readable only, because it holds secrets.
 */
public final class CredentialsFile {

    static final String CSV_HEADER = "id,model,secret";
    static final String CSV_HEADER_WITH_PSK = "id,model,secret,psk";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CredentialsFile() {
    }

    public static List<DeviceCredentials> read(Path file) {
        try {
            String text = Files.readString(file);
            return text.stripLeading().startsWith("[") ? parseJson(text) : parseCsv(text, file);
        } catch (IOException e) {
            throw new ProvisioningException("cannot read credentials file " + file + ": " + e.getMessage(), e);
        } catch (ProvisioningException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProvisioningException("credentials file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    private static List<DeviceCredentials> parseJson(String text) throws IOException {
        return JSON.readValue(text, new TypeReference<List<DeviceCredentials>>() { });
    }

    private static List<DeviceCredentials> parseCsv(String text, Path file) {
        List<DeviceCredentials> result = new ArrayList<>();
        String[] lines = text.split("\\R");
        int maxFields = lines.length > 0 && lines[0].strip().equalsIgnoreCase(CSV_HEADER) ? 3 : 4;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && (line.equalsIgnoreCase(CSV_HEADER)
                    || line.equalsIgnoreCase(CSV_HEADER_WITH_PSK)))) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length < 2 || fields.length > maxFields) {
                throw new ProvisioningException("credentials file " + file + ", line " + (i + 1)
                        + ": expected " + (maxFields == 3 ? CSV_HEADER : CSV_HEADER_WITH_PSK) + ", got " + fields.length
                        + " fields");
            }
            result.add(new DeviceCredentials(fields[0].strip(), fields[1].strip(), optional(fields, 2),
                    optional(fields, 3)));
        }
        return result;
    }

    private static String optional(String[] fields, int index) {
        return fields.length > index && !fields[index].isBlank() ? fields[index].strip() : null;
    }

    public static void write(Path file, List<DeviceCredentials> credentials) {
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), ".credentials", ".tmp");
            restrictToOwner(temp);
            Files.writeString(temp, isJson(file) ? toJson(credentials) : toCsv(credentials));
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ProvisioningException("cannot write credentials file " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static String toJson(List<DeviceCredentials> credentials) throws IOException {
        return JSON.writeValueAsString(credentials) + System.lineSeparator();
    }

    private static String toCsv(List<DeviceCredentials> credentials) {
        boolean withPsk = credentials.stream().anyMatch(c -> c.psk() != null);
        StringBuilder csv = new StringBuilder(withPsk ? CSV_HEADER_WITH_PSK : CSV_HEADER).append('\n');
        for (DeviceCredentials c : credentials) {
            if (c.secret() != null && (c.secret().contains(",") || c.secret().contains("\n"))) {
                throw new ProvisioningException("the secret of device " + c.id()
                        + " contains a comma or line break; use a credentials file ending in .json");
            }
            csv.append(c.id()).append(',').append(c.model()).append(',')
                    .append(c.secret() == null ? "" : c.secret());
            if (withPsk) {
                csv.append(',').append(c.psk() == null ? "" : c.psk());
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the platform's default permissions apply.
        }
    }
}
