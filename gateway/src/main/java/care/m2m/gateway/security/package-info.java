/** Protection against hostile clients shared by every transport: throttling of failed authentication. */
package care.m2m.gateway.security;
