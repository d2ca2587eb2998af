package care.m2m.sim.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Several gateway addresses, as firmware of a product that outgrew one machine carries them: a
 * comma-separated list ({@code tcp://gw-a:1883,tcp://gw-b:1883}). Each device starts with a different
 * address (rotated by a hash of its id), so a fleet spreads over the gateways, and when its address fails it
 * tries the next, then the one after, with the client's growing back-off between rounds.
 */
public final class ServerList {

    private final List<String> uris;

    private ServerList(List<String> uris) {
        this.uris = List.copyOf(uris);
    }

    /**
     * Parses the list.
     *
     * @throws IllegalArgumentException naming the list when it holds no address or an empty entry
     */
    public static ServerList parse(String list) {
        if (list == null || list.isBlank()) {
            throw new IllegalArgumentException("expected one or more server URLs separated by commas, got nothing");
        }
        List<String> uris = Arrays.stream(list.split(",", -1)).map(String::strip).toList();
        if (uris.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("expected server URLs separated by single commas, got an empty entry in '"
                    + list + "'");
        }
        return new ServerList(uris);
    }

    public List<String> all() {
        return uris;
    }

    /** The addresses in the order this device tries them: its own first, then round the list. */
    public String[] forDevice(String deviceId) {
        int start = Math.floorMod(deviceId.hashCode(), uris.size());
        List<String> order = new ArrayList<>(uris.size());
        for (int i = 0; i < uris.size(); i++) {
            order.add(uris.get((start + i) % uris.size()));
        }
        return order.toArray(String[]::new);
    }
}
