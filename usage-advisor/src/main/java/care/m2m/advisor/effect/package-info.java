/**
 * Did it work? Effects of tips and repairs measured against a randomly held-out control group of similar
 * devices that did not get them, with a confidence interval.
 */
package care.m2m.advisor.effect;
