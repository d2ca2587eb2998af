/**
 * Eco programs and lower settings: where the customer's own cycles show that the eco program does the same
 * job for less energy, or that a feature meant for it is never used.
 */
package care.m2m.advisor.eco;
