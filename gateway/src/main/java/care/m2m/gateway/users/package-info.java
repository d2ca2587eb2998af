/**
 * People who sign in to the web pages with a username and password: customers, technicians and operators,
 * created by an operator through the admin API; only a salted PBKDF2 hash of each password is kept.
 */
package care.m2m.gateway.users;
