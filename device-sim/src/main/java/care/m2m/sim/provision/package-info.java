/**
 * Getting a fleet's identities: registering simulated devices through the gateway's admin API and keeping their
 * secrets in a credentials file, so that the next run reuses the same devices instead of registering new ones.
 */
package care.m2m.sim.provision;
