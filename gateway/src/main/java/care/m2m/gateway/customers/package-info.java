/**
 * Customer context for the human side of the ladder: segment, whether the customer is vulnerable, how they
 * want to be contacted and their region. The value matrix weighs faults with it, field service routes by it.
 */
package care.m2m.gateway.customers;
