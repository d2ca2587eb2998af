/**
 * Tips and the advisor that produces them: a {@link care.m2m.advisor.tips.Tip} says what was seen in the
 * customer's own data, what to do, and what it is worth; each {@link care.m2m.advisor.tips.TipGenerator}
 * looks for one kind of opportunity, and the {@link care.m2m.advisor.tips.Advisor} keeps only tips that
 * clear the {@link care.m2m.advisor.tips.TipPolicy}, so that tips stay rare and relevant.
 */
package care.m2m.advisor.tips;
