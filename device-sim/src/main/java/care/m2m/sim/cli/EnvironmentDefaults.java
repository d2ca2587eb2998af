package care.m2m.sim.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * Lets every option come from the environment, as everywhere in M2M Care: {@code --mqtt-url} from
 * {@code M2MCARE_SIM_MQTT_URL}, {@code --devices} from {@code M2MCARE_SIM_DEVICES}. The command line wins.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {

    static final String PREFIX = "M2MCARE_SIM_";

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    static String variable(String longOption) {
        return PREFIX + longOption.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argument) {
        if (argument instanceof CommandLine.Model.OptionSpec option && option.longestName().startsWith("--")) {
            String value = environment.get(variable(option.longestName()));
            if (value != null) {
                return value;
            }
        }
        return argument.defaultValue();
    }
}
