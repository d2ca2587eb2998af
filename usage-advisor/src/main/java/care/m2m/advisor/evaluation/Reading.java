package care.m2m.advisor.evaluation;

import java.time.LocalDateTime;

/**
 * One recorded row of the appliance data set: the energy the house's appliances used in the 10 minutes
 * starting at {@code start}, on the house's wall clock.
 *
 * @param start start of the 10-minute interval, local time
 * @param wattHours appliance energy in that interval
 */
public record Reading(LocalDateTime start, double wattHours) {
}
