/**
 * Tools for firmware teams: {@link care.m2m.contracts.check.ContractCheck} checks their messages against the
 * contract with the gateway's own decoder, outside the gateway.
 */
package care.m2m.contracts.check;
