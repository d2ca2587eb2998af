package care.m2m.sim.provision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a run has credentials for every device: it reuses those in the credentials file and registers only
 * the missing ones through the admin API (taking over devices of earlier runs whose secret was lost), writing
 * every secret it got back to the file, even when some registrations fail, because the gateway shows a secret
 * only once.
 */
public final class Provisioner {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
    /** Registrations in flight at once: quick for thousands of devices without flooding the gateway. */
    static final int PARALLEL_REGISTRATIONS = 16;

    private final Supplier<AdminClient> adminClient;

    /** @param adminClient asked for only when a device must be registered, so a full file needs no admin token */
    public Provisioner(Supplier<AdminClient> adminClient) {
        this.adminClient = adminClient;
    }

    /** The result: the fleet's credentials and how many of them were registered by this call. */
    public record Result(List<DeviceCredentials> credentials, int registered) {
    }

    public Result provision(FleetPlan plan, Path credentialsFile) {
        List<DeviceCredentials> existing = credentialsFile != null && Files.exists(credentialsFile)
                ? CredentialsFile.read(credentialsFile) : List.of();
        if (existing.size() >= plan.devices()) {
            LOG.info("Using {} devices from {}", plan.devices(), credentialsFile);
            return new Result(List.copyOf(existing.subList(0, plan.devices())), 0);
        }
        List<AdminClient.Registration> missing = missing(plan, existing);
        LOG.info("Registering {} devices at the gateway ({} already in {})", missing.size(), existing.size(),
                credentialsFile);
        List<DeviceCredentials> all = new ArrayList<>(existing);
        List<String> failures = new ArrayList<>();
        AdminClient client = adminClient.get();
        for (int from = 0; from < missing.size(); from += PARALLEL_REGISTRATIONS) {
            List<CompletableFuture<DeviceCredentials>> batch = missing
                    .subList(from, Math.min(missing.size(), from + PARALLEL_REGISTRATIONS)).stream()
                    .map(registration -> register(client, registration))
                    .toList();
            for (CompletableFuture<DeviceCredentials> future : batch) {
                try {
                    all.add(future.join());
                } catch (CompletionException e) {
                    failures.add(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                }
            }
            if (!failures.isEmpty()) {
                break;
            }
        }
        if (credentialsFile != null && all.size() > existing.size()) {
            CredentialsFile.write(credentialsFile, all);
        }
        if (!failures.isEmpty()) {
            throw new ProvisioningException(failures.size() + " registration(s) failed; first: " + failures.get(0));
        }
        return new Result(List.copyOf(all), all.size() - existing.size());
    }

    /**
     * Registers a device; when its id is taken (a device of an earlier run whose credentials file is gone), takes it
     * over with a new secret instead of giving up.
     */
    private static CompletableFuture<DeviceCredentials> register(AdminClient client,
                                                                  AdminClient.Registration registration) {
        return client.register(registration).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof ProvisioningException p && p.httpStatus() == 409) {
                LOG.info("Device {} exists already; giving it a new secret", registration.id());
                return client.takeOver(registration.id());
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private static List<AdminClient.Registration> missing(FleetPlan plan, List<DeviceCredentials> existing) {
        Set<String> taken = new HashSet<>();
        existing.forEach(c -> taken.add(c.id()));
        List<AdminClient.Registration> missing = new ArrayList<>();
        for (int index = 1; existing.size() + missing.size() < plan.devices(); index++) {
            if (!taken.contains(plan.deviceId(index))) {
                missing.add(plan.registration(index));
            }
        }
        return missing;
    }
}
