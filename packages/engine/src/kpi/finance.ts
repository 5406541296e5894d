/**
 * Capital recovery factor: the share of an investment paid each year to repay it with interest over its
 * lifetime, CRF = r (1 + r)^n / ((1 + r)^n - 1); CRF = 1/n when r = 0. Source: any engineering-economics
 * text, e.g. IEA/NEA "Projected Costs of Generating Electricity" (2020), annex on levelised cost method.
 */
export function capitalRecoveryFactor(discountRate: number, lifetimeYears: number): number {
  const n = Math.max(1, lifetimeYears);
  if (Math.abs(discountRate) < 1e-12) return 1 / n;
  const g = Math.pow(1 + discountRate, n);
  return (discountRate * g) / (g - 1);
}

/** Annualised cost of an investment, EUR/a. */
export function annualise(investEur: number, discountRate: number, lifetimeYears: number): number {
  return investEur * capitalRecoveryFactor(discountRate, lifetimeYears);
}
