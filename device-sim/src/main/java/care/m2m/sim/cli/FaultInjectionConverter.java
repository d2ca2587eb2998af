package care.m2m.sim.cli;

import care.m2m.sim.firmware.FaultInjection;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads {@code CODE[@index|@all][:after]}: {@code E_BOILER_OVERHEAT} (device 0, at once),
 * {@code E_DRAIN_BLOCKED@all:30} (every washer after 30 s), {@code E_OVERTEMP@3:2m}.
 */
public final class FaultInjectionConverter implements CommandLine.ITypeConverter<FaultInjection> {

    private static final Pattern FORMAT = Pattern.compile("([A-Z][A-Z0-9_]{1,47})(?:@(all|\\d+))?(?::(.+))?");

    @Override
    public FaultInjection convert(String value) {
        Matcher m = FORMAT.matcher(value.strip());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("expected CODE[@index|@all][:after], for example"
                    + " E_BOILER_OVERHEAT@0:30s, got '" + value + "'");
        }
        Integer index = m.group(2) == null ? Integer.valueOf(0) : "all".equals(m.group(2)) ? null
                : Integer.valueOf(m.group(2));
        Duration after = m.group(3) == null ? Duration.ZERO : DurationConverter.parse(m.group(3));
        return new FaultInjection(m.group(1), index, after);
    }
}
