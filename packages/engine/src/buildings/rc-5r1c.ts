/**
 * The ISO 13790:2008 simple hourly method (Annex C): a 5-resistance, 1-capacitance network per thermal zone.
 * Nodes: indoor air θair, central (surface) node θs, thermal mass θm; conductances H_ve (air–supply),
 * H_tr,is (air–surface), H_tr,w (windows, surface–outdoor), H_tr,ms (surface–mass), H_tr,em (mass–outdoor);
 * capacity C_m on the mass node, integrated with Crank–Nicolson over one hour (eq. C.4–C.11).
 * Heating/cooling power Φ_HC acts on the air node; it is the ideal (unlimited) power that keeps θair at the
 * active set-point (ISO 13790 §C.4.2, steps 1–4: θair is affine in Φ_HC, found from Φ = 0 and Φ = 10 W/m2).
 * Reference: EN ISO 13790:2008 "Energy performance of buildings — Calculation of energy use for space heating
 * and cooling", Annex C; the same network as RC_BuildingSimulator (Jayathissa et al., 2017).
 */

/** Heat transfer coefficient from the air/surface nodes to the central node per m2 of A_t (ISO 13790 eq. 9). */
export const H_IS_W_PER_M2K = 3.45;
/** Heat transfer coefficient between mass and surface node per m2 of A_m (ISO 13790 eq. 64). */
export const H_MS_W_PER_M2K = 9.1;
/** Ratio of internal surface area A_t to floor area A_f (ISO 13790 §7.2.2.2). */
export const AT_PER_AF = 4.5;

/** Time-invariant parameters of a 5R1C zone (all W/K, J/K, m2). */
export interface Rc5r1cParameters {
  /** Conditioned floor area A_f, m2. */
  readonly floorAreaM2: number;
  /** Effective mass area A_m, m2 (ISO 13790 Table 12: 2.5·A_f medium, 3.0·A_f heavy). */
  readonly massAreaM2: number;
  /** Internal heat capacity C_m, J/K (Table 12: 165 000·A_f medium, 260 000·A_f heavy). */
  readonly heatCapacityJPerK: number;
  /** Transmission through windows and doors H_tr,w, W/K. */
  readonly hTrWindowsWPerK: number;
  /** Transmission through opaque elements H_tr,op, W/K (split into H_tr,em and H_tr,ms, eq. 63). */
  readonly hTrOpaqueWPerK: number;
}

/** Derived constant conductances. */
export interface Rc5r1cNetwork {
  readonly floorAreaM2: number;
  readonly am: number;
  readonly at: number;
  readonly cmWhPerK: number;
  readonly hTrIs: number;
  readonly hTrMs: number;
  readonly hTrW: number;
  readonly hTrEm: number;
}

/** Conductances of the network (ISO 13790 eqs. 9, 63, 64). */
export function rc5r1cNetwork(p: Rc5r1cParameters): Rc5r1cNetwork {
  const at = AT_PER_AF * p.floorAreaM2;
  const hTrMs = H_MS_W_PER_M2K * p.massAreaM2;
  const hOp = Math.max(p.hTrOpaqueWPerK, 1e-9);
  // H_tr,em = 1 / (1/H_tr,op − 1/H_tr,ms); H_tr,op is far smaller than H_tr,ms for real buildings.
  const hTrEm = 1 / Math.max(1 / hOp - 1 / hTrMs, 1e-12);
  return {
    floorAreaM2: p.floorAreaM2,
    am: p.massAreaM2,
    at,
    cmWhPerK: p.heatCapacityJPerK / 3600,
    hTrIs: H_IS_W_PER_M2K * at,
    hTrMs,
    hTrW: p.hTrWindowsWPerK,
    hTrEm,
  };
}

/** Inputs of one hour. */
export interface Rc5r1cHourInput {
  /** Outdoor air temperature θe, degC. */
  readonly outdoorC: number;
  /** Supply-air temperature θsup, degC (outdoor air for the heat-recovery-as-reduced-H_ve convention). */
  readonly supplyC: number;
  /** Ventilation conductance H_ve, W/K (> 0). */
  readonly hVeWPerK: number;
  /** Internal heat gains Φ_int, W. */
  readonly internalW: number;
  /** Solar heat gains Φ_sol, W. */
  readonly solarW: number;
  /** Heating set-point, degC (−Infinity: no heating). */
  readonly heatingSetpointC: number;
  /** Cooling set-point, degC (+Infinity: no cooling). */
  readonly coolingSetpointC: number;
  /** Maximum heating power, W (default unlimited; ISO 13790 §C.4.3 step 4). */
  readonly heatingMaxW?: number;
  /** Maximum cooling power (positive number), W (default unlimited). */
  readonly coolingMaxW?: number;
}

/** Result of one hour (written into a reused object to avoid allocation). */
export interface Rc5r1cHourState {
  /** Heating (> 0) or cooling (< 0) power on the air node, W (mean over the hour). */
  heatingCoolingW: number;
  airC: number;
  surfaceC: number;
  /** Mean mass temperature over the hour, degC. */
  massMeanC: number;
  /** Mass temperature at the end of the hour, degC. */
  massEndC: number;
  /** Gain split (W): to air, central and mass nodes (eqs. C.1–C.3). */
  phiIa: number;
  phiSt: number;
  phiM: number;
}

/** A zeroed hour state. */
export function createRc5r1cState(initialC = 20): Rc5r1cHourState {
  return {
    heatingCoolingW: 0,
    airC: initialC,
    surfaceC: initialC,
    massMeanC: initialC,
    massEndC: initialC,
    phiIa: 0,
    phiSt: 0,
    phiM: 0,
  };
}

/**
 * Node temperatures for a given Φ_HC (eqs. C.4–C.11); writes into `out` and returns θair.
 */
function solveTemperatures(
  net: Rc5r1cNetwork,
  inp: Rc5r1cHourInput,
  massPrevC: number,
  phiHc: number,
  phiIa: number,
  phiSt: number,
  phiM: number,
  out: Rc5r1cHourState,
): number {
  const hVe = inp.hVeWPerK;
  const h1 = 1 / (1 / hVe + 1 / net.hTrIs);
  const h2 = h1 + net.hTrW;
  const h3 = 1 / (1 / h2 + 1 / net.hTrMs);
  const te = inp.outdoorC;
  const tsup = inp.supplyC;
  const phiAir = phiIa + phiHc;
  const phiMtot = phiM + net.hTrEm * te + (h3 * (phiSt + net.hTrW * te + h1 * (phiAir / hVe + tsup))) / h2;
  const half = 0.5 * (h3 + net.hTrEm);
  const massEnd = (massPrevC * (net.cmWhPerK - half) + phiMtot) / (net.cmWhPerK + half);
  const massMean = 0.5 * (massEnd + massPrevC);
  const surface =
    (net.hTrMs * massMean + phiSt + net.hTrW * te + h1 * (tsup + phiAir / hVe)) / (net.hTrMs + net.hTrW + h1);
  const air = (net.hTrIs * surface + hVe * tsup + phiAir) / (net.hTrIs + hVe);
  out.massEndC = massEnd;
  out.massMeanC = massMean;
  out.surfaceC = surface;
  out.airC = air;
  return air;
}

/**
 * One hour of the 5R1C model with ideal heating/cooling to the set-points. `massPrevC` is θm at the start of
 * the hour; the result (incl. θm at the end of the hour) is written into `out`.
 */
export function stepRc5r1c(
  net: Rc5r1cNetwork,
  inp: Rc5r1cHourInput,
  massPrevC: number,
  out: Rc5r1cHourState,
): Rc5r1cHourState {
  // Gain split, eqs. C.1–C.3 (half of internal gains convective to the air node).
  const phiIa = 0.5 * inp.internalW;
  const rest = 0.5 * inp.internalW + inp.solarW;
  const phiM = (net.am / net.at) * rest;
  const phiSt = (1 - net.am / net.at - net.hTrW / (H_MS_W_PER_M2K * net.at)) * rest;
  out.phiIa = phiIa;
  out.phiSt = phiSt;
  out.phiM = phiM;
  const air0 = solveTemperatures(net, inp, massPrevC, 0, phiIa, phiSt, phiM, out);
  let target = Number.NaN;
  if (air0 < inp.heatingSetpointC) target = inp.heatingSetpointC;
  else if (air0 > inp.coolingSetpointC) target = inp.coolingSetpointC;
  if (Number.isNaN(target)) {
    out.heatingCoolingW = 0;
    return out;
  }
  const phi10 = 10 * net.floorAreaM2;
  const air10 = solveTemperatures(net, inp, massPrevC, phi10, phiIa, phiSt, phiM, out);
  let phi = (phi10 * (target - air0)) / (air10 - air0);
  // Limited capacity: deliver the maximum and let the air temperature float (step 4 of §C.4.3).
  const hMax = inp.heatingMaxW ?? Number.POSITIVE_INFINITY;
  const cMax = inp.coolingMaxW ?? Number.POSITIVE_INFINITY;
  if (phi > hMax) phi = hMax;
  else if (phi < -cMax) phi = -cMax;
  solveTemperatures(net, inp, massPrevC, phi, phiIa, phiSt, phiM, out);
  out.heatingCoolingW = phi;
  return out;
}

/**
 * Heat-balance residuals (W) of the three nodes for a solved hour: air, central and mass node. Each is ~0
 * (rounding only) when the network is solved consistently; used by the conservation tests.
 */
export function rc5r1cResiduals(
  net: Rc5r1cNetwork,
  inp: Rc5r1cHourInput,
  massPrevC: number,
  s: Rc5r1cHourState,
  out: { airW: number; surfaceW: number; massW: number } = { airW: 0, surfaceW: 0, massW: 0 },
): { airW: number; surfaceW: number; massW: number } {
  const airW =
    inp.hVeWPerK * (inp.supplyC - s.airC) + net.hTrIs * (s.surfaceC - s.airC) + s.phiIa + s.heatingCoolingW;
  const surfaceW =
    net.hTrIs * (s.airC - s.surfaceC) +
    net.hTrW * (inp.outdoorC - s.surfaceC) +
    net.hTrMs * (s.massMeanC - s.surfaceC) +
    s.phiSt;
  const massW =
    net.hTrMs * (s.surfaceC - s.massMeanC) +
    net.hTrEm * (inp.outdoorC - s.massMeanC) +
    s.phiM -
    net.cmWhPerK * (s.massEndC - massPrevC);
  out.airW = airW;
  out.surfaceW = surfaceW;
  out.massW = massW;
  return out;
}
