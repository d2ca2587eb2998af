/**
 * Tariffs as data: the price of a kWh at an instant and how far ahead that price is known. A
 * {@link care.m2m.advisor.tariff.PriceSeries} holds real day-ahead prices (published the day before at 13:00
 * Brussels time); a {@link care.m2m.advisor.tariff.TimeOfUseTariff} is a fixed peak/off-peak table.
 */
package care.m2m.advisor.tariff;
