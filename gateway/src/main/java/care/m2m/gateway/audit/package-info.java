/** The audit trail of every change made through the HTTP API, by whom, from where, with what result. */
package care.m2m.gateway.audit;
