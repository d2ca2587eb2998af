package care.m2m.anomaly.eval;

import care.m2m.anomaly.AnomalyDetector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A port of NAB's Contextual Anomaly Detector, open source edition (CAD OSE, M. Smirnov, 2016;
 * {@code nab/detectors/context_ose/cad_ose.py} and {@code context_operator.py}), kept as a reference to
 * measure against, not for production.
 *
 * <p>CAD turns each value into the bits of its bin among 8 bins of the value range, and learns "contexts":
 * pairs of left facts (the previous value's bits plus the contexts that were just active) and right facts
 * (the current bits). The raw score mixes the share of expected contexts that did not fire with the share
 * of contexts that are new; after a raw score of 0.75 or more, scores are muted for a rest period.
 *
 * <p>Why it is not the gateway's method: its context memory grows without bound (63,000 contexts on the
 * longest NAB file, megabytes per stream) and each point walks the crossed part of it. And NAB hands CAD
 * the whole file's minimum and maximum before the first point ({@link #withKnownRange}), a look-ahead a
 * live stream does not have: with that range this port scores 66.0 on NAB's standard profile (published
 * 66.1), with the stream's running range only 39.1 (see the module README).
 */
public final class CadOseDetector implements AnomalyDetector {

    private static final int SENSOR_BASE = 65_536;
    private static final int NEURON_BASE = 1 << 30;
    private static final int BITS = 3;
    private static final double MAX_BIN = (1 << BITS) - 1.0;
    private static final int MAX_LEFT_LENGTH = 7;
    private static final int MAX_ACTIVE = 15;
    private static final double BASE_THRESHOLD = 0.75;

    private final int restPeriod;
    private long count;
    private long lastHigh;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private int[] leftFacts = new int[0];
    private Set<Integer> predicted = new LinkedHashSet<>();

    private final Map<Integer, List<Semi>>[] factIndex;
    private final Map<Key, Semi>[] semis;
    private final List<Semi>[] semiList;
    private List<Semi>[] crossed;
    private final List<Context> contexts = new ArrayList<>();
    private int newContextId;

    /**
     * A detector with NAB's settings (3 value bits, left semi-contexts of at most 7 facts, 15 active
     * contexts) that learns the value range as the stream goes.
     *
     * @param restPeriod points muted after a raw score of 0.75 (NAB passes its probation length / 5)
     */
    @SuppressWarnings("unchecked")
    public CadOseDetector(int restPeriod) {
        this.restPeriod = restPeriod;
        factIndex = new Map[] {new HashMap<>(), new HashMap<>()};
        semis = new Map[] {new HashMap<>(), new HashMap<>()};
        semiList = new List[] {new ArrayList<>(), new ArrayList<>()};
        crossed = new List[] {new ArrayList<>(), new ArrayList<>()};
    }

    /** Starts from a range known in advance, as NAB's runner does with the whole file's range. */
    public CadOseDetector withKnownRange(double low, double high) {
        min = low;
        max = high;
        return this;
    }

    /** Number of contexts learned so far (the memory that grows). */
    int contextCount() {
        return contexts.size();
    }

    @Override
    public double score(long timestampMillis, double value) {
        if (!Double.isFinite(value)) {
            return 0.0;
        }
        count++;
        double raw = rawScore(value);
        boolean resting = lastHigh >= count - restPeriod;
        if (raw >= BASE_THRESHOLD) {
            lastHigh = count;
        }
        return resting ? 0.0 : raw;
    }

    /** The raw CAD score of the next value: 0 when the value was fully predicted. */
    double rawScore(double value) {
        min = Math.min(min, value);
        max = Math.max(max, value);
        double range = max - min;
        if (range == 0.0) {
            range = MAX_BIN;
        }
        double step = range / MAX_BIN;
        int bin = (int) Math.max(0.0, Math.min(MAX_BIN, (value - min) / step));
        int[] sensor = new int[BITS];
        boolean error = false;
        for (int s = 0; s < BITS; s++) {
            sensor[s] = SENSOR_BASE + s * 2 + ((bin >> s) & 1);
            if (!predicted.contains(sensor[s])) {
                error = true;
            }
        }
        Arrays.sort(sensor);
        double[] anomaly = step(sensor);
        return error ? (1.0 - anomaly[0] + anomaly[1]) / 2.0 : 0.0;
    }

    private double[] step(int[] sensor) {
        Set<Key> unique = new LinkedHashSet<>();
        boolean newContext = false;
        if (leftFacts.length > 0) {
            Key left = new Key(leftFacts);
            Key right = new Key(sensor);
            unique.add(new Key(concat(leftFacts, sensor, leftFacts.length)));
            newContext = addContext(left, right, true) > 0;
        }
        crossSemis(1, sensor);
        List<int[]> active = new ArrayList<>();
        List<Key[]> potential = new ArrayList<>();
        int selected = updateAndGetActive(newContext, active, potential);
        for (Key[] p : potential) {
            unique.add(new Key(concat(p[0].facts, p[1].facts, p[0].facts.length)));
        }
        double selectedActive = selected > 0 ? active.size() / (double) selected : 0.0;
        active.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1])
                : a[2] != b[2] ? Integer.compare(a[2], b[2]) : Integer.compare(a[3], b[3]));
        int from = Math.max(0, active.size() - MAX_ACTIVE);
        int[] group = new int[sensor.length + active.size() - from];
        System.arraycopy(sensor, 0, group, 0, sensor.length);
        for (int i = from; i < active.size(); i++) {
            group[sensor.length + i - from] = NEURON_BASE + active.get(i)[0];
        }
        Arrays.sort(group);
        leftFacts = dedupe(group);

        int added = 0;
        for (Key[] p : potential) {
            added += addContext(p[0], p[1], false);
        }
        crossSemis(0, leftFacts);
        predicted = predictions();
        added += newContext ? 1 : 0;
        double addedShare = newContext && !unique.isEmpty() ? added / (double) unique.size() : 0.0;
        return new double[] {selectedActive, addedShare};
    }

    /** Returns 1 when the context was new and stored (for a zero-level context, sets newContextId). */
    private int addContext(Key left, Key right, boolean zeroLevel) {
        Semi l = semi(0, left);
        Semi r = semi(1, right);
        Integer id = l.contexts.get(r.id);
        if (id == null) {
            id = contexts.size();
            l.contexts.put(r.id, id);
            Context c = new Context(right.facts, zeroLevel, l.id, r.id);
            contexts.add(c);
            if (zeroLevel) {
                newContextId = id;
            }
            return 1;
        }
        if (zeroLevel) {
            contexts.get(id).zeroLevel = true;
        }
        return 0;
    }

    private Semi semi(int side, Key facts) {
        Semi semi = semis[side].get(facts);
        if (semi == null) {
            semi = new Semi(semiList[side].size(), facts.facts.length);
            semis[side].put(facts, semi);
            semiList[side].add(semi);
            for (int f : facts.facts) {
                factIndex[side].computeIfAbsent(f, k -> new ArrayList<>()).add(semi);
            }
        }
        return semi;
    }

    private void crossSemis(int side, int[] facts) {
        for (Semi s : crossed[side]) {
            s.crossedCount = 0;
            s.crossedFacts.clear();
        }
        List<Semi> touched = new ArrayList<>();
        for (int f : facts) {
            for (Semi s : factIndex[side].getOrDefault(f, List.of())) {
                if (s.crossedFacts.isEmpty()) {
                    touched.add(s);
                }
                s.crossedFacts.add(f);
            }
        }
        touched.sort((a, b) -> Integer.compare(a.id, b.id));
        for (Semi s : touched) {
            s.crossedCount = s.crossedFacts.size();
        }
        crossed[side] = touched;
    }

    private Set<Integer> predictions() {
        double best = 0.0;
        List<Context> chosen = new ArrayList<>();
        for (Semi l : crossed[0]) {
            if (l.length != l.crossedCount) {
                continue;
            }
            for (int id : l.contexts.values()) {
                Context c = contexts.get(id);
                double weight = c.selected > 0 ? c.predicted / (double) c.selected : 0.0;
                if (weight > best) {
                    best = weight;
                    chosen.clear();
                    chosen.add(c);
                } else if (weight == best) {
                    chosen.add(c);
                }
            }
        }
        Set<Integer> out = new LinkedHashSet<>();
        for (Context c : chosen) {
            for (int f : c.rightFacts) {
                out.add(f);
            }
        }
        return out;
    }

    private int updateAndGetActive(boolean newContext, List<int[]> active, List<Key[]> potential) {
        int selected = 0;
        for (Semi l : crossed[0]) {
            for (Map.Entry<Integer, Integer> e : l.contexts.entrySet()) {
                int id = e.getValue();
                if (id == newContextId) {
                    continue;
                }
                Context c = contexts.get(id);
                Semi r = semiList[1].get(e.getKey());
                if (l.length == l.crossedCount) {
                    selected++;
                    c.selected += r.length;
                    if (r.crossedCount > 0) {
                        c.predicted += r.crossedCount;
                        if (r.length == r.crossedCount) {
                            c.active++;
                            active.add(new int[] {id, c.active, c.leftId, c.rightId});
                        } else if (c.zeroLevel && newContext && l.crossedCount <= MAX_LEFT_LENGTH) {
                            potential.add(new Key[] {Key.of(l.crossedFacts), Key.of(r.crossedFacts)});
                        }
                    }
                } else if (c.zeroLevel && newContext && r.crossedCount > 0 && l.crossedCount <= MAX_LEFT_LENGTH) {
                    potential.add(new Key[] {Key.of(l.crossedFacts), Key.of(r.crossedFacts)});
                }
            }
        }
        // The original resets this to Python's False, which equals context 0: context 0 is never updated.
        newContextId = 0;
        return selected;
    }

    private static int[] concat(int[] a, int[] b, int marker) {
        int[] out = new int[a.length + b.length + 1];
        System.arraycopy(a, 0, out, 0, a.length);
        out[a.length] = -1 - marker;
        System.arraycopy(b, 0, out, a.length + 1, b.length);
        return out;
    }

    private static int[] dedupe(int[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    private record Key(int[] facts) {
        static Key of(List<Integer> facts) {
            return new Key(facts.stream().mapToInt(Integer::intValue).toArray());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(facts, k.facts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(facts);
        }
    }

    private static final class Semi {
        final int id;
        final int length;
        final List<Integer> crossedFacts = new ArrayList<>();
        int crossedCount;
        final Map<Integer, Integer> contexts = new LinkedHashMap<>();

        Semi(int id, int length) {
            this.id = id;
            this.length = length;
        }
    }

    private static final class Context {
        final int[] rightFacts;
        boolean zeroLevel;
        final int leftId;
        final int rightId;
        int selected;
        int predicted;
        int active;

        Context(int[] rightFacts, boolean zeroLevel, int leftId, int rightId) {
            this.rightFacts = rightFacts;
            this.zeroLevel = zeroLevel;
            this.leftId = leftId;
            this.rightId = rightId;
        }
    }
}
