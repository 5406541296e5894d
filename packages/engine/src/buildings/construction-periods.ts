/**
 * Envelope and ventilation reference values by construction period (Finnish building code in force when the
 * building was completed). U-values in W/(m2 K); q50 air leakage in m3/(h m2 envelope) at 50 Pa; heat
 * recovery = annual efficiency of exhaust-air heat recovery.
 *
 * Sources:
 * - [C3-2007] Suomen rakentamismääräyskokoelma C3 (2007, in force 2008–2010) and [C3-2010] C3 (2010), whose
 *   U-values are the reference values of D3/2012 and of decree 1010/2017 (heat-loss comparison): wall 0.24 →
 *   0.17, roof 0.15 → 0.09, floor 0.24 → 0.16, windows and doors 1.4 → 1.0 (as tabulated by
 *   https://www.suomela.fi/Arkisto/Other/Villa-Unelman-tekniset-tiedot-50426).
 * - [D3-2012] Ympäristöministeriö D3/2012 reference air leakage q50 = 2 m3/(h m2) and minimum heat-recovery
 *   annual efficiency 45 % (https://vdocuments.mx/rakennusten-energiatehokkuus-finlex.html, stored copy).
 * - Earlier periods (C3/1976, C3/1985, C3/2003) and the 2018+ heat-recovery and q50 values are ESTIMATES of
 *   typical values of their time (not read from the codes in the stored sources).
 */
export interface ConstructionPeriod {
  /** First completion year of the period (inclusive). */
  readonly fromYear: number;
  /** Label, e.g. "2018– (decree 1010/2017)". */
  readonly label: string;
  readonly uWallWPerM2K: number;
  readonly uRoofWPerM2K: number;
  readonly uFloorWPerM2K: number;
  readonly uWindowWPerM2K: number;
  readonly q50M3PerHM2: number;
  readonly heatRecoveryEfficiency: number;
  /** Source key or "estimate". */
  readonly source: string;
}

/** Periods in ascending order of `fromYear`. */
export const CONSTRUCTION_PERIODS: readonly ConstructionPeriod[] = [
  {
    fromYear: 0,
    label: "–1975",
    uWallWPerM2K: 0.81,
    uRoofWPerM2K: 0.47,
    uFloorWPerM2K: 0.47,
    uWindowWPerM2K: 2.8,
    q50M3PerHM2: 8,
    heatRecoveryEfficiency: 0,
    source: "estimate (pre-C3/1976 practice)",
  },
  {
    fromYear: 1976,
    label: "1976–1984 (C3/1976, 1978)",
    uWallWPerM2K: 0.35,
    uRoofWPerM2K: 0.29,
    uFloorWPerM2K: 0.4,
    uWindowWPerM2K: 2.1,
    q50M3PerHM2: 6,
    heatRecoveryEfficiency: 0,
    source: "estimate",
  },
  {
    fromYear: 1985,
    label: "1985–2002 (C3/1985)",
    uWallWPerM2K: 0.28,
    uRoofWPerM2K: 0.22,
    uFloorWPerM2K: 0.36,
    uWindowWPerM2K: 2.1,
    q50M3PerHM2: 6,
    heatRecoveryEfficiency: 0.1,
    source: "estimate",
  },
  {
    fromYear: 2003,
    label: "2003–2007 (C3/2003)",
    uWallWPerM2K: 0.25,
    uRoofWPerM2K: 0.16,
    uFloorWPerM2K: 0.25,
    uWindowWPerM2K: 1.4,
    q50M3PerHM2: 4,
    heatRecoveryEfficiency: 0.3,
    source: "estimate",
  },
  {
    fromYear: 2008,
    label: "2008–2009 (C3/2007)",
    uWallWPerM2K: 0.24,
    uRoofWPerM2K: 0.15,
    uFloorWPerM2K: 0.24,
    uWindowWPerM2K: 1.4,
    q50M3PerHM2: 4,
    heatRecoveryEfficiency: 0.45,
    source: "[C3-2007]; q50 and heat recovery estimate",
  },
  {
    fromYear: 2010,
    label: "2010–2017 (C3/2010, D3/2012)",
    uWallWPerM2K: 0.17,
    uRoofWPerM2K: 0.09,
    uFloorWPerM2K: 0.16,
    uWindowWPerM2K: 1.0,
    q50M3PerHM2: 2,
    heatRecoveryEfficiency: 0.55,
    source: "[C3-2010], [D3-2012]; heat recovery estimate (45 % minimum)",
  },
  {
    fromYear: 2018,
    label: "2018– (decree 1010/2017)",
    uWallWPerM2K: 0.17,
    uRoofWPerM2K: 0.09,
    uFloorWPerM2K: 0.16,
    uWindowWPerM2K: 1.0,
    q50M3PerHM2: 2,
    heatRecoveryEfficiency: 0.7,
    source: "[C3-2010] reference U-values kept by 1010/2017; heat recovery 70 % estimate (typical new AHU)",
  },
];

/** The period a completion year belongs to. */
export function constructionPeriodOf(yearCompleted: number): ConstructionPeriod {
  let found = CONSTRUCTION_PERIODS[0] as ConstructionPeriod;
  for (const p of CONSTRUCTION_PERIODS) if (yearCompleted >= p.fromYear) found = p;
  return found;
}
