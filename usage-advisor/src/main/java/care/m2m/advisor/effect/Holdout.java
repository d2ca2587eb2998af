package care.m2m.advisor.effect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Decides, the same way every time, whether a device is in the control group for a kind of tip: a hash of
 * device and kind spread evenly over [0, 1) against the hold-out share. Deterministic so that a device stays
 * in its group across restarts and instances, random with respect to anything about the device.
 */
public final class Holdout {

    private final double share;

    /** @param share the fraction of devices held out, in [0, 0.5] */
    public Holdout(double share) {
        if (!(share >= 0 && share <= 0.5)) {
            throw new IllegalArgumentException("hold-out share: expected 0 to 0.5, got " + share);
        }
        this.share = share;
    }

    public double share() {
        return share;
    }

    public boolean heldOut(String deviceId, String kind) {
        return share > 0 && unit(deviceId + "|" + kind) < share;
    }

    static double unit(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (digest[i] & 0xFF);
            }
            return bits / (double) (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
