package care.m2m.gateway.devices;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets that passed the slow check recently, so that a reconnect storm costs one HMAC per device instead of
 * one key derivation. Keyed by device id; each entry holds the stored hash it was checked against and
 * HMAC-SHA256 of the presented secret under a key drawn at random for this process (never the secret itself,
 * and worthless outside this process). An entry counts only while the device's stored hash is still the same,
 * so a rotated secret misses even before {@link #forget} is called. Bounded: the least recently used entry
 * goes first. Thread-safe; cheap enough for an event loop.
 */
final class VerifiedSecrets {

    private record Verified(String storedHash, byte[] mac) {
    }

    private final int capacity;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final Map<String, Verified> entries;

    VerifiedSecrets(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("verified secrets cache: expected a size of 0 or more, got " + capacity);
        }
        this.capacity = capacity;
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        this.key = new SecretKeySpec(raw, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > VerifiedSecrets.this.capacity;
            }
        };
    }

    /** Whether this exact secret was verified against this exact stored hash of the device. */
    boolean contains(String deviceId, String storedHash, String presented) {
        if (capacity == 0 || presented == null) {
            return false;
        }
        Verified entry;
        synchronized (entries) {
            entry = entries.get(deviceId);
        }
        return entry != null && entry.storedHash().equals(storedHash)
                && MessageDigest.isEqual(entry.mac(), mac(deviceId, presented));
    }

    void remember(String deviceId, String storedHash, String presented) {
        if (capacity == 0) {
            return;
        }
        Verified entry = new Verified(storedHash, mac(deviceId, presented));
        synchronized (entries) {
            entries.put(deviceId, entry);
        }
    }

    void forget(String deviceId) {
        synchronized (entries) {
            entries.remove(deviceId);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private byte[] mac(String deviceId, String presented) {
        Mac mac = macs.get();
        mac.update(deviceId.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(presented.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256: " + e.getMessage(), e);
        }
    }
}
