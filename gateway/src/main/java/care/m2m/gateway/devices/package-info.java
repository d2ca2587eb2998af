/** The device registry: registration, secrets, and the cached async lookup that authentication uses. */
package care.m2m.gateway.devices;
