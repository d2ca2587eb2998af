/**
 * The six messages of the contract as immutable Java records, independent of their wire encoding; the
 * {@code codec} package turns them into JSON or CBOR and back.
 */
package care.m2m.contracts.messages;
