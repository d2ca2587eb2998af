package care.m2m.anomaly.bench;

import care.m2m.anomaly.AnomalyDetector;
import care.m2m.anomaly.ArtConfig;
import care.m2m.anomaly.DetectorConfig;
import care.m2m.anomaly.DetectorFactory;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of scoring one point, in nanoseconds: on one hot stream, and round-robin over 100,000 streams
 * whose state no longer fits in the CPU caches (what a busy gateway sees), for each method. Every stream
 * is past its warm-up (the ART detector's is 728 points) before timing starts. Run by hand, see the README.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DetectorBenchmark {

    private static final int STREAMS = 100_000;
    private static final int VALUES = 1 << 16;
    private static final int WARM_POINTS = 800;

    @Param({"FUSED", "ENSEMBLE", "ART"})
    public String method;

    private final double[] values = values();
    private AnomalyDetector single;
    private int next;
    private long time;

    /** The 100,000 streams, built only for the benchmark that uses them. */
    @State(Scope.Thread)
    public static class Streams {
        private final double[] values = values();
        private AnomalyDetector[] many;
        private int next;
        private long time;

        @Setup(Level.Trial)
        public void setUp(DetectorBenchmark benchmark) {
            DetectorFactory factory = factory(benchmark.method);
            many = new AnomalyDetector[STREAMS];
            for (int s = 0; s < STREAMS; s++) {
                many[s] = factory.newDetector();
                for (int i = 0; i < WARM_POINTS; i++) {
                    many[s].score(i * 60_000L, values[(s + i) & (VALUES - 1)]);
                }
            }
        }
    }

    private static double[] values() {
        Random random = new Random(11);
        double[] values = new double[VALUES];
        for (int i = 0; i < VALUES; i++) {
            values[i] = 20.0 + Math.sin(i / 40.0) * 5.0 + random.nextGaussian() + (i % 5000 == 0 ? 30.0 : 0.0);
        }
        return values;
    }

    private static DetectorFactory factory(String method) {
        return new DetectorFactory(DetectorConfig.defaults(), ArtConfig.defaults(), DetectorFactory.Method.valueOf(method));
    }

    @Setup(Level.Trial)
    public void setUp() {
        single = factory(method).newDetector();
        for (int i = 0; i < WARM_POINTS; i++) {
            single.score(i * 60_000L, values[i]);
        }
    }

    @Benchmark
    public double oneStream() {
        int i = next++ & (VALUES - 1);
        time += 60_000L;
        return single.score(time, values[i]);
    }

    @Benchmark
    public double hundredThousandStreams(Streams streams) {
        int i = streams.next++;
        streams.time += 600L;
        return streams.many[Integer.remainderUnsigned(i, STREAMS)].score(streams.time, streams.values[i & (VALUES - 1)]);
    }
}
