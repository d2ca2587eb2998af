/**
 * Finding appliance cycles in a power history (a wash program, a charging session, a hot-water boost) and
 * measuring their energy. Several tip kinds start from the cycles a device ran, so the detection lives here
 * once.
 */
package care.m2m.advisor.cycles;
