package care.m2m.advisor.evaluation;

import care.m2m.advisor.tariff.DayAheadPublication;
import care.m2m.advisor.tariff.PriceSeries;
import care.m2m.advisor.tariff.PriceSeriesCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation command: how much of the perfect-foresight saving the advisor's shifting advice reaches on
 * a real house with real prices. Usage (from the repository root, after building):
 *
 * <pre>
 * java -cp usage-advisor/target/classes care.m2m.advisor.evaluation.ShiftingEvaluation \
 *     [--data ../shared/data] [--years 2022,2023,2024] [--flex-hours 8] [--power-kw 4] \
 *     [--threshold-wh 200] [--base-wh 60] [--from 2016-01-11] [--to 2016-05-28]
 * </pre>
 *
 * Exits 1 if a schedule breaks a rule or the advice costs more than the recording.
 */
public final class ShiftingEvaluation {

    private ShiftingEvaluation() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        List<YearResult> results = run(options);
        Report.print(results, options.rules(), System.out);
        boolean broken = results.stream().anyMatch(r -> !r.violations().isEmpty() || r.advisedEur() > r.recordedEur() + 1e-9);
        System.exit(broken ? 1 : 0);
    }

    /** Loads the data named by the options and evaluates every requested year. */
    public static List<YearResult> run(Options options) {
        Path appliances = options.data().resolve("appliances/energydata_testing.csv");
        Path priceFile = options.data().resolve("prices/be_day_ahead_2022_2024.csv");
        for (Path file : List.of(appliances, priceFile)) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("evaluation: expected the data file " + file + ", it is missing");
            }
        }
        List<Reading> readings = ApplianceLoadCsv.read(appliances).stream()
                .filter(r -> !r.start().toLocalDate().isBefore(options.from()) && r.start().toLocalDate().isBefore(options.to()))
                .toList();
        PriceSeries prices = PriceSeriesCsv.read(priceFile, DayAheadPublication.BELGIUM);
        List<YearResult> results = new ArrayList<>();
        for (int year : options.years()) {
            results.add(Evaluation.run(readings, prices, year, options.rules()));
        }
        return results;
    }

    /** The command line, parsed. {@code to} is exclusive. */
    public record Options(Path data, int[] years, ShiftingRules rules, LocalDate from, LocalDate to, boolean help) {

        static final String USAGE = """
                usage: ShiftingEvaluation [--data DIR] [--years Y1,Y2] [--flex-hours H] [--power-kw P]
                                          [--threshold-wh W] [--base-wh W] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                  --data          folder holding appliances/ and prices/ (default ../shared/data)
                  --years         price years to map the house onto (default 2022,2023,2024)
                  --flex-hours    a cycle must finish by its recorded end plus this (default 8)
                  --power-kw      flexible load limit per 10-minute slot (default 4)
                  --threshold-wh  10-minute energy from which a reading belongs to a cycle (default 200)
                  --base-wh       base load per 10 minutes that is never moved (default 60)
                  --from, --to    recorded dates to use, to exclusive (default: all)""";

        public static Options parse(String... args) {
            Path data = Path.of("../shared/data");
            int[] years = {2022, 2023, 2024};
            ShiftingRules d = ShiftingRules.DEFAULTS;
            double threshold = d.thresholdWh();
            double base = d.baseWh();
            int flex = d.flexHours();
            double power = d.powerLimitKw();
            LocalDate from = LocalDate.MIN;
            LocalDate to = LocalDate.MAX;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help") || name.equals("-h")) {
                    return new Options(data, years, d, from, to, true);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + ": expected a value, got none");
                }
                String value = args[++i];
                try {
                    switch (name) {
                        case "--data" -> data = Path.of(value);
                        case "--years" -> years = Arrays.stream(value.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
                        case "--flex-hours" -> flex = Integer.parseInt(value);
                        case "--power-kw" -> power = Double.parseDouble(value);
                        case "--threshold-wh" -> threshold = Double.parseDouble(value);
                        case "--base-wh" -> base = Double.parseDouble(value);
                        case "--from" -> from = LocalDate.parse(value);
                        case "--to" -> to = LocalDate.parse(value);
                        default -> throw new IllegalArgumentException("unknown option " + name);
                    }
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("option " + name + ": cannot use '" + value + "': " + e.getMessage(), e);
                }
            }
            return new Options(data, years, new ShiftingRules(threshold, base, d.maxGapSlots(), flex, power), from, to,
                    false);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "data=%s years=%s rules=[%s]", data, Arrays.toString(years), rules);
        }
    }
}
