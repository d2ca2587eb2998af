/**
 * Features the customer paid for and never uses, where their own data shows it would pay off.
 */
package care.m2m.advisor.features;
