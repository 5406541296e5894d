const DEG = Math.PI / 180;

/**
 * Angular losses parameter a_r of Martin & Ruiz for a clean glass-covered module, 0.16: N. Martin and
 * J. M. Ruiz, "Calculation of the PV modules angular losses under field conditions by means of an
 * analytical model", Solar Energy Materials & Solar Cells 70:25-38 (2001) (pvlib's default).
 */
export const MARTIN_RUIZ_A_R = 0.16;

/** Beam incidence-angle modifier (0..1) of Martin & Ruiz (2001): (1 - exp(-cos(aoi)/a_r)) / (1 - exp(-1/a_r)). */
export function iamMartinRuiz(aoiDeg: number, aR: number = MARTIN_RUIZ_A_R): number {
  if (!(Math.abs(aoiDeg) < 90)) return 0;
  return (1 - Math.exp(-Math.cos(aoiDeg * DEG) / aR)) / (1 - Math.exp(-1 / aR));
}

/** Incidence-angle modifiers of isotropic sky and ground diffuse light for a tilted module. */
export interface DiffuseIam {
  readonly sky: number;
  readonly ground: number;
}

/**
 * Diffuse incidence-angle modifiers of Martin & Ruiz (2001), their analytical fit with c1 = 0.4244 (4 / (3 pi)
 * rounded as published, and as pvlib uses) and
 * c2 = a_r / 2 - 0.154: iam = 1 - exp(-(c1 + c2 x) x / a_r) with x = sin b + (pi - b - sin b) / (1 + cos b)
 * for the sky and x = sin b + (b - sin b) / (1 - cos b) for the ground (b = tilt).
 */
export function iamMartinRuizDiffuse(tiltDeg: number, aR: number = MARTIN_RUIZ_A_R): DiffuseIam {
  const b = Math.min(Math.max(tiltDeg, 0), 180) * DEG;
  const c1 = 0.4244;
  const c2 = aR / 2 - 0.154;
  const sinB = Math.sin(b);
  const cosB = Math.cos(b);
  const f = (x: number): number => 1 - Math.exp((-(c1 + c2 * x) * x) / aR);
  const sky = cosB > -1 + 1e-12 ? f(sinB + (Math.PI - b - sinB) / (1 + cosB)) : 0;
  const ground = cosB < 1 - 1e-12 ? f(sinB + (b - sinB) / (1 - cosB)) : 0;
  return { sky, ground };
}

/** ASHRAE incidence-angle modifier 1 - b0 (1/cos(aoi) - 1), clipped to 0..1; b0 = 0.05 (ASHRAE 93-77). */
export function iamAshrae(aoiDeg: number, b0 = 0.05): number {
  if (!(Math.abs(aoiDeg) < 90)) return 0;
  return Math.min(Math.max(1 - b0 * (1 / Math.cos(aoiDeg * DEG) - 1), 0), 1);
}
