package care.m2m.advisor.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceSeriesCsvTest {

    @TempDir
    Path dir;

    @Test
    void wallClockHoursBecomeInstantsInBrusselsTime() throws IOException {
        PriceSeries series = read("""
                time,DAM_price
                01jan2022 00:00:00,.08
                01jan2022 01:00:00,.07
                """);

        assertThat(series.pricePerKwh(Instant.parse("2021-12-31T23:00:00Z"))).hasValue(0.08);
        assertThat(series.pricePerKwh(Instant.parse("2022-01-01T00:30:00Z"))).hasValue(0.07);
        assertThat(series.pricePerKwh(Instant.parse("2022-01-01T01:00:00Z"))).isEmpty();
    }

    @Test
    void theSkippedSpringHourHasNoPriceAndTheNeighboursKeepTheirs() throws IOException {
        PriceSeries series = read("""
                time,DAM_price
                27mar2022 01:00:00,.10
                27mar2022 02:00:00,
                27mar2022 03:00:00,.30
                """);

        assertThat(series.pricePerKwh(Instant.parse("2022-03-27T00:00:00Z"))).hasValue(0.10);
        assertThat(series.pricePerKwh(Instant.parse("2022-03-27T01:00:00Z"))).hasValue(0.30);
        assertThat(series.pricedHours()).isEqualTo(2);
    }

    @Test
    void theRepeatedAutumnHourIsSummerTimeFirstThenWinterTime() throws IOException {
        PriceSeries series = read("""
                time,DAM_price
                30oct2022 01:00:00,.10
                30oct2022 02:00:00,.20
                30oct2022 02:00:00,.25
                30oct2022 03:00:00,.30
                """);

        assertThat(series.pricePerKwh(Instant.parse("2022-10-29T23:00:00Z"))).hasValue(0.10);
        assertThat(series.pricePerKwh(Instant.parse("2022-10-30T00:00:00Z"))).hasValue(0.20);
        assertThat(series.pricePerKwh(Instant.parse("2022-10-30T01:00:00Z"))).hasValue(0.25);
        assertThat(series.pricePerKwh(Instant.parse("2022-10-30T02:00:00Z"))).hasValue(0.30);
    }

    @Test
    void aMalformedRowIsRejectedWithItsLine() throws IOException {
        assertThatThrownBy(() -> read("time,DAM_price\n01jan2022 00:00:00,cheap\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":2:")
                .hasMessageContaining("cheap");
    }

    private PriceSeries read(String content) throws IOException {
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, content);
        return PriceSeriesCsv.read(file, DayAheadPublication.BELGIUM);
    }
}
