package care.m2m.contracts.messages;

/**
 * What the customer did with a tip, on any channel: {@code read} (seen), {@code done} (acted on),
 * {@code dismissed} (not wanted), {@code snoozed} (remind me later). The wire names are the lower-case names.
 */
public enum TipStatus { READ, DONE, DISMISSED, SNOOZED }
