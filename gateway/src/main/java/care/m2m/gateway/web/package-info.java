/**
 * The web pages: server-rendered HTML for customers (self-service), operators (fleet overview) and field
 * service (ticket queue), signed in once with their token and then carried by an opaque, server-side
 * session cookie, so tokens never travel in URLs or live in the browser's JavaScript.
 */
package care.m2m.gateway.web;
