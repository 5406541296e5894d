import type { Carrier, Extendable, Location, Network, NetworkStorage } from "../network/network.js";
import { createLpBuilder, type LpBuilder, type LpTerm } from "../lp/lp-builder.js";
import type { LpModel } from "../lp/lp-model.js";
import { annualise } from "../kpi/finance.js";
import { localMonths, stepsByMonth } from "../kpi/local-time.js";
import { carrierWeight, insideBoundary } from "../kpi/ped-weights.js";
import { storagePowerRates } from "../network/storage-power.js";

/**
 * The district's linear programme (docs/optimisation/formulation.md). One formulation for all modes:
 * - `operate`: capacities fixed, minimise the annual operating cost (energy, network fees, taxes, peak
 *   charges, CO2 price, variable costs) over the timeline;
 * - `plan`: extendable capacities become variables with annualised investment and upkeep, and the
 *   district's targets (energy positivity, CO2, budget, shared capacity limits) become constraints.
 * Names follow the contract `<id>:<attribute>[t]`; results are read back by them.
 */
export type OptimizeMode = "operate" | "plan";

export interface FormulationOptions {
  readonly mode: OptimizeMode;
  /**
   * Hours each time step stands for (typical-period aggregation); default 1 for every step. Annual sums in
   * the objective and the targets are weighted by it.
   */
  readonly hourWeights?: Float64Array;
  /**
   * For aggregated models: the typical day (0-based) that each day of the full year maps to, so that the
   * state of charge of storages is linked across days (Kotzur et al. 2018). Steps must be whole typical
   * days of 24 hours.
   */
  readonly dayMapping?: Int32Array;
  /**
   * Build into this builder instead of a new one (multi-period pathway models); `formulate` then returns
   * the part without building, and the caller adds `constantEur` and builds.
   */
  readonly builder?: LpBuilder;
  /** Prefix of the bus and target names (element ids are prefixed by the caller's network). */
  readonly namePrefix?: string;
  /** Multiplies every cost (discounting and period length in pathway models); default 1. */
  readonly costScale?: number;
  /** Supplies the capacity column of an extendable asset (pathway: the period's capacity). */
  readonly capacityColumn?: (id: string, extendable: Extendable) => number;
  /** Local month (1..12) of every step, for monthly peak charges; default from the timeline. */
  readonly hourMonths?: Uint8Array;
  /**
   * For aggregated models: for each calendar month, the steps whose imports set that month's peak (the
   * typical days that the month's real days map to). Overrides `hourMonths` for peak charges.
   */
  readonly monthSteps?: readonly { readonly month: number; readonly steps: readonly number[] }[];
  /**
   * Penalty on unmet demand, EUR/kWh. In `operate` mode unmet demand is allowed at this penalty (default
   * 1000 EUR/kWh, a penalty far above any energy price so it is used only when nothing else can serve the
   * load, not an economic value of lost load); in `plan` mode it is not allowed unless this is given.
   */
  readonly valueOfLostLoadEurPerKwh?: number;
  /** Add slack variables to the targets, so that an unreachable target shows by how much (default false). */
  readonly elasticTargets?: boolean;
  /** Penalty of target slack per unit, default 1e4 EUR per kWh / kgCO2e / EUR. */
  readonly targetSlackPenalty?: number;
}

/** Where the parts of the model live, for reading results back. */
export interface FormulatedModel {
  readonly model: LpModel;
  readonly mode: OptimizeMode;
  readonly hours: number;
  /** Constant part of the annual cost (fixed fees, upkeep of fixed assets, contracts), EUR. */
  readonly constantEur: number;
  /** Names of target rows and slack columns that exist in this model. */
  readonly targets: readonly {
    readonly name: string;
    readonly row: string;
    readonly slack?: string;
    readonly unit: string;
  }[];
  /** Assets whose capacity is a variable: id to column name. */
  readonly capacityColumns: ReadonlyMap<string, string>;
}

const DEFAULT_VOLL = 1000;

const isExtendable = (mode: OptimizeMode, e: Extendable | undefined): e is Extendable =>
  mode === "plan" && e !== undefined;

/** Annual cost of one unit of extendable capacity, EUR/(unit a). */
export function capacityCostPerUnit(e: Extendable, discountRate: number): number {
  return annualise(e.investEurPerUnit, discountRate, e.lifetimeYears) + e.fixedEurPerUnitYear;
}

const scratchIndices = new Int32Array(8);
const scratchCoefs = new Float64Array(8);

/**
 * Adds a row of two to four terms without allocating (hot loops): unused terms have index -1. The scratch
 * buffers are reused; the builder copies what it reads.
 */
function addRow(
  lp: LpBuilder,
  name: string,
  lb: number,
  ub: number,
  i1: number,
  c1: number,
  i2: number,
  c2: number,
  i3 = -1,
  c3 = 0,
  i4 = -1,
  c4 = 0,
): number {
  scratchIndices[0] = i1;
  scratchCoefs[0] = c1;
  scratchIndices[1] = i2;
  scratchCoefs[1] = c2;
  let k = 2;
  if (i3 >= 0) {
    scratchIndices[k] = i3;
    scratchCoefs[k] = c3;
    k++;
  }
  if (i4 >= 0) {
    scratchIndices[k] = i4;
    scratchCoefs[k] = c4;
    k++;
  }
  return lp.addConstraintArrays(name, scratchIndices, scratchCoefs, lb, ub, k);
}

/** One element's hourly contribution to a bus balance. */
interface BalanceSeries {
  /** Column of hour 0; hour t is start + t. */
  readonly start: number;
  readonly coef: number | Float64Array;
}

export function formulate(network: Network, options: FormulationOptions): FormulatedModel {
  const { mode } = options;
  const n = network.timeline.hours;
  const hw = options.hourWeights ?? new Float64Array(n).fill(1);
  const voll = options.valueOfLostLoadEurPerKwh ?? DEFAULT_VOLL;
  const allowUnmet = mode === "operate" || options.valueOfLostLoadEurPerKwh !== undefined;
  const slackPenalty = options.targetSlackPenalty ?? 1e4;
  const lp: LpBuilder =
    options.builder ??
    createLpBuilder({
      // Size hints (buffers grow anyway): about one column per flow and state and hour.
      expectedCols:
        n *
        (4 +
          2 * network.grids.length +
          network.sources.length +
          network.converters.length +
          3 * network.storages.length +
          2 * network.flexibleLoads.length),
      expectedRows:
        n *
        (4 +
          network.grids.length +
          network.wasteHeat.length +
          4 * network.storages.length +
          network.flexibleLoads.length),
      expectedNonZeros:
        n *
        (8 +
          4 * network.grids.length +
          3 * network.sources.length +
          3 * network.converters.length +
          8 * network.storages.length +
          4 * network.flexibleLoads.length),
    });
  const prefix = options.namePrefix ?? "";
  const costScale = options.costScale ?? 1;
  // Weights of hourly costs: hours represented x cost scale. Targets use `hw` alone.
  const cw = hw.map((v) => v * costScale);
  const co2 = network.factors.co2KgPerKwh;
  const capacityColumns = new Map<string, string>();
  let constantEur = 0;

  // Fixed demand per carrier.
  const demand: Record<Carrier, Float64Array> = {
    electricity: new Float64Array(n),
    heat: new Float64Array(n),
    cooling: new Float64Array(n),
  };
  for (const l of network.loads) {
    const d = demand[l.carrier];
    for (let t = 0; t < n; t++) d[t] = (d[t] ?? 0) + (l.demandKwh[t] ?? 0);
  }
  // Balance terms per carrier: hourly column series (column start + t) with a constant or hourly coefficient.
  const balance: Record<Carrier, BalanceSeries[]> = { electricity: [], heat: [], cooling: [] };
  const addSeries = (carrier: Carrier, start: number, coef: number | Float64Array): void => {
    balance[carrier].push({ start, coef });
  };

  // Terms of the weighted annual sums used by targets: per hour, the columns of each kind.
  const importCols: { carrier: Carrier; start: number }[] = [];
  const exportCols: number[] = [];
  const sourceCols: { start: number; location: Location }[] = [];

  const capacityColumn = (id: string, e: Extendable): number => {
    if (options.capacityColumn) {
      const j = options.capacityColumn(id, e);
      capacityColumns.set(id, `#${j}`);
      return j;
    }
    const name = `${id}:capacity`;
    const j = lp.addVariable({
      name,
      lb: e.capacityMin,
      ub: e.capacityMax,
      cost: capacityCostPerUnit(e, network.discountRate) * costScale,
    });
    capacityColumns.set(id, name);
    return j;
  };

  // --- Grid connections.
  const months = options.hourMonths ?? localMonths(network.timeline);
  for (const g of network.grids) {
    const tr = g.tariff;
    const imp = lp.addVariables(g.id, "import", n, {
      ub: g.importMaxKw,
      cost: Array.from({ length: n }, (_, t) => {
        const price =
          (tr.importEnergyEurPerKwh[t] ?? 0) +
          (tr.importNetworkEurPerKwh[t] ?? 0) +
          (tr.importTaxEurPerKwh[t] ?? 0);
        return (cw[t] ?? 1) * (price + network.co2PriceEurPerKg * (co2[g.carrier][t] ?? 0));
      }),
    });
    importCols.push({ carrier: g.carrier, start: imp });
    addSeries(g.carrier, imp, 1);
    if (g.exportMaxKw > 0) {
      const exp = lp.addVariables(g.id, "export", n, {
        ub: g.exportMaxKw,
        cost: Array.from({ length: n }, (_, t) => -(cw[t] ?? 1) * (tr.exportEurPerKwh[t] ?? 0)),
      });
      addSeries(g.carrier, exp, -1);
      if (g.carrier === "electricity") exportCols.push(exp);
    }
    if (tr.peakEurPerKwMonth > 0) {
      // One peak variable per month; import[t] <= peak[month] for every step that counts in that month.
      const groups = options.monthSteps ?? stepsByMonth(months);
      const shared = options.monthSteps !== undefined;
      for (const { month, steps } of groups) {
        const peak = lp.addVariable({
          name: `${g.id}:peak[${month - 1}]`,
          cost: tr.peakEurPerKwMonth * costScale,
        });
        for (const t of steps) {
          addRow(
            lp,
            shared ? `${g.id}:peakLinkM${month}[${t}]` : `${g.id}:peakLink[${t}]`,
            -Infinity,
            0,
            imp + t,
            1,
            peak,
            -1,
          );
        }
      }
    }
    constantEur += costScale * tr.fixedEurPerYear;
  }

  // --- Sources (PV): flowOut <= availability; curtailment is the rest.
  for (const s of network.sources) {
    const ext = isExtendable(mode, s.extendable) ? s.extendable : undefined;
    const start = lp.addVariables(s.id, "flowOut", n, {
      ub: ext ? undefined : s.availableKwh,
      cost: Array.from({ length: n }, (_, t) => (cw[t] ?? 1) * s.costs.variableEurPerKwh),
    });
    if (ext) {
      const cap = capacityColumn(s.id, ext);
      for (let t = 0; t < n; t++) {
        lp.addConstraint({
          name: `${s.id}:availability[${t}]`,
          terms: [
            [start + t, 1],
            [cap, -(s.availabilityPerUnit[t] ?? 0)],
          ],
          ub: 0,
        });
      }
    } else {
      constantEur +=
        costScale *
        (annualise(s.costs.investEur, network.discountRate, s.costs.lifetimeYears) + s.costs.fixedEurPerYear);
    }
    addSeries("electricity", start, 1);
    sourceCols.push({ start, location: s.location });
  }

  // --- Converters (heat pumps, boilers): flowOut is heat; electricity = flowOut / efficiency.
  const converterCols = new Map<string, number>();
  for (const c of network.converters) {
    const ext = isExtendable(mode, c.extendable) ? c.extendable : undefined;
    const wh = c.sourceId !== undefined ? network.wasteHeat.find((w) => w.id === c.sourceId) : undefined;
    const start = lp.addVariables(c.id, "flowOut", n, {
      ub: ext
        ? undefined
        : Array.from({ length: n }, (_, t) => ((c.efficiency[t] ?? 0) > 0 ? c.capacityKw : 0)),
      cost: Array.from({ length: n }, (_, t) => {
        const cop = c.efficiency[t] ?? 0;
        const sourceShare = c.kind === "heatPump" && cop > 0 ? 1 - 1 / cop : 0;
        return (
          (cw[t] ?? 1) * (c.costs.variableEurPerKwh + (wh ? wh.costs.variableEurPerKwh * sourceShare : 0))
        );
      }),
    });
    converterCols.set(c.id, start);
    if (ext) {
      const cap = capacityColumn(c.id, ext);
      for (let t = 0; t < n; t++) {
        lp.addConstraint({
          name: `${c.id}:capacityLimit[${t}]`,
          terms: [
            [start + t, 1],
            [cap, (c.efficiency[t] ?? 0) > 0 ? -1 : 0],
          ],
          ub: 0,
        });
      }
    } else {
      constantEur +=
        costScale *
        (annualise(c.costs.investEur, network.discountRate, c.costs.lifetimeYears) + c.costs.fixedEurPerYear);
    }
    addSeries("heat", start, 1);
    addSeries(
      "electricity",
      start,
      c.efficiency.map((eff) => (eff > 0 ? -1 / eff : 0)),
    );
  }

  // --- Waste heat: the source heat drawn by its heat pumps is limited by what is available.
  for (const w of network.wasteHeat) {
    constantEur +=
      costScale *
      (annualise(w.costs.investEur, network.discountRate, w.costs.lifetimeYears) + w.costs.fixedEurPerYear);
    const users = network.converters.filter((c) => c.sourceId === w.id && c.kind === "heatPump");
    if (users.length === 0) continue;
    for (let t = 0; t < n; t++) {
      const terms: LpTerm[] = [];
      for (const c of users) {
        const cop = c.efficiency[t] ?? 0;
        if (cop > 0) terms.push([(converterCols.get(c.id) as number) + t, 1 - 1 / cop]);
      }
      lp.addConstraint({
        name: `${w.id}:sourceLimit[${t}]`,
        terms,
        lb: -Infinity,
        ub: w.availableKwh[t] ?? 0,
      });
    }
  }

  // --- Storage.
  for (const st of network.storages)
    addStorage(
      lp,
      st,
      n,
      mode,
      options.dayMapping,
      cw,
      addSeries,
      capacityColumn,
      (eur) => {
        constantEur += costScale * eur;
      },
      network.discountRate,
    );

  // --- Flexible loads (smart EV charging): cumulative energy within the envelope.
  for (const f of network.flexibleLoads) {
    const flow = lp.addVariables(f.id, "flowIn", n, { ub: f.maxPowerKw });
    const cum = lp.addVariables(f.id, "cumulative", n, { lb: f.minCumulativeKwh, ub: f.maxCumulativeKwh });
    addSeries("electricity", flow, -1);
    for (let t = 0; t < n; t++) {
      if (t > 0) addRow(lp, `${f.id}:cumulative[${t}]`, 0, 0, cum + t, 1, flow + t, -1, cum + t - 1, -1);
      else addRow(lp, `${f.id}:cumulative[${t}]`, 0, 0, cum + t, 1, flow + t, -1);
    }
  }

  // --- Off-site contracts: a constant cost, or a sized capacity paying the contract price per kWh.
  const offsiteCapacity = new Map<string, number>();
  for (const o of network.offsite) {
    const ext = isExtendable(mode, o.extendable) ? o.extendable : undefined;
    if (ext) {
      let perUnitEnergy = 0;
      for (let t = 0; t < n; t++) perUnitEnergy += (cw[t] ?? 1) * (o.availabilityPerUnit[t] ?? 0);
      const cap = capacityColumn(o.id, ext);
      lp.addObjectiveTerm(cap, o.priceEurPerKwh * perUnitEnergy);
      offsiteCapacity.set(o.id, cap);
      continue;
    }
    let energy = 0;
    for (let t = 0; t < n; t++) energy += (cw[t] ?? 1) * (o.contractedKwh[t] ?? 0);
    constantEur +=
      o.priceEurPerKwh * energy +
      costScale *
        (annualise(o.costs.investEur, network.discountRate, o.costs.lifetimeYears) + o.costs.fixedEurPerYear);
  }

  // --- Bus balances with unmet-demand slack.
  for (const carrier of ["electricity", "heat", "cooling"] as const) {
    let hasDemand = false;
    for (let t = 0; t < n && !hasDemand; t++) hasDemand = (demand[carrier][t] ?? 0) > 0;
    const hasTerms = balance[carrier].length > 0;
    if (!hasDemand && !hasTerms) continue;
    const unmet = lp.addVariables(`${prefix}bus-${carrier}`, "unmet", n, {
      ub: allowUnmet ? demand[carrier] : 0,
      cost: Array.from({ length: n }, (_, t) => (cw[t] ?? 1) * voll),
    });
    const parts = balance[carrier];
    const indices = new Int32Array(parts.length + 1);
    const coefs = new Float64Array(parts.length + 1);
    for (let t = 0; t < n; t++) {
      let k = 0;
      for (const part of parts) {
        const coef = typeof part.coef === "number" ? part.coef : (part.coef[t] ?? 0);
        if (coef === 0) continue;
        indices[k] = part.start + t;
        coefs[k] = coef;
        k++;
      }
      indices[k] = unmet + t;
      coefs[k] = 1;
      k++;
      const d = demand[carrier][t] ?? 0;
      lp.addConstraintArrays(`${prefix}bus-${carrier}:balance[${t}]`, indices, coefs, d, d, k);
    }
  }

  // --- Targets (plan mode).
  const targets: { name: string; row: string; slack?: string; unit: string }[] = [];
  if (mode === "plan") {
    const addTarget = (
      name: string,
      unit: string,
      terms: LpTerm[],
      bounds: { lb?: number; ub?: number },
    ): void => {
      const row = `${prefix}target-${name}:limit`;
      let slack: string | undefined;
      const allTerms = [...terms];
      if (options.elasticTargets) {
        slack = `${prefix}target-${name}:slack`;
        const j = lp.addVariable({ name: slack, cost: slackPenalty });
        allTerms.push([j, bounds.lb !== undefined ? 1 : -1]);
      }
      lp.addConstraint({ name: row, terms: allTerms, ...bounds });
      targets.push({ name, row, slack, unit });
    };
    const t0 = network.targets;
    const weight = (carrier: Carrier, t: number): number =>
      carrierWeight(network, network.ped.weighting, carrier, t);
    if (t0.energyPositivityRatioMin !== undefined) {
      // sum_t hw [ w_el gen_boundary - X ( w_el (genAll - export_el) + sum_c w_c import_c ) ] >= -w_el offsite
      const x = t0.energyPositivityRatioMin;
      const boundary = network.ped.boundary;
      const terms: LpTerm[] = [];
      let offsite = 0;
      for (let t = 0; t < n; t++) {
        const h = hw[t] ?? 1;
        const wEl = weight("electricity", t);
        for (const s of sourceCols) {
          const inside = insideBoundary(boundary, s.location);
          terms.push([s.start + t, h * wEl * ((inside ? 1 : 0) - x)]);
        }
        for (const e of exportCols) terms.push([e + t, h * wEl * x]);
        // Recovered waste heat = sum over its heat pumps of (1 - 1/COP) flowOut: consumed, and produced
        // when the source is inside the boundary.
        const wHeat = weight("heat", t);
        for (const c of network.converters) {
          const w = c.sourceId !== undefined ? network.wasteHeat.find((x) => x.id === c.sourceId) : undefined;
          const cop = c.efficiency[t] ?? 0;
          if (!w || c.kind !== "heatPump" || cop <= 0) continue;
          const inside = insideBoundary(boundary, w.location);
          terms.push([
            (converterCols.get(c.id) as number) + t,
            h * wHeat * (1 - 1 / cop) * ((inside ? 1 : 0) - x),
          ]);
        }
        for (const i of importCols) terms.push([i.start + t, -h * x * weight(i.carrier, t)]);
        if (boundary === "virtual") {
          for (const o of network.offsite) {
            if (!offsiteCapacity.has(o.id)) offsite += h * wEl * (o.contractedKwh[t] ?? 0);
          }
        }
      }
      if (boundary === "virtual") {
        for (const o of network.offsite) {
          const cap = offsiteCapacity.get(o.id);
          if (cap === undefined) continue;
          let perUnit = 0;
          for (let t = 0; t < n; t++)
            perUnit += (hw[t] ?? 1) * weight("electricity", t) * (o.availabilityPerUnit[t] ?? 0);
          terms.push([cap, perUnit]);
        }
      }
      addTarget("energyPositivity", network.ped.weighting === "co2" ? "kgCO2e" : "kWh", terms, {
        lb: -offsite,
      });
    }
    if (t0.co2MaxKgPerYear !== undefined) {
      const terms: LpTerm[] = [];
      for (let t = 0; t < n; t++) {
        const h = hw[t] ?? 1;
        for (const i of importCols) terms.push([i.start + t, h * (co2[i.carrier][t] ?? 0)]);
        for (const e of exportCols) terms.push([e + t, -h * (co2.electricity[t] ?? 0)]);
      }
      addTarget("co2", "kgCO2e", terms, { ub: t0.co2MaxKgPerYear });
    }
    if (t0.budgetEur !== undefined) {
      const terms: LpTerm[] = [];
      const all = [...network.sources, ...network.converters, ...network.storages, ...network.offsite];
      for (const a of all) {
        const col = capacityColumns.get(a.id);
        if (col !== undefined && a.extendable)
          terms.push([lp.variableIndex(col) as number, a.extendable.investEurPerUnit]);
      }
      if (terms.length > 0) addTarget("budget", "EUR", terms, { ub: t0.budgetEur });
    }
    for (const limit of t0.capacityLimits ?? []) {
      const terms: LpTerm[] = [];
      for (const id of limit.assetIds) {
        const col = capacityColumns.get(id);
        if (col !== undefined) terms.push([lp.variableIndex(col) as number, 1]);
      }
      if (terms.length > 0) addTarget(`limit-${limit.name}`, "capacity", terms, { ub: limit.maxCapacity });
    }
  }

  if (options.builder) {
    return { model: undefined as unknown as LpModel, mode, hours: n, constantEur, targets, capacityColumns };
  }
  lp.addObjectiveConstant(constantEur);
  return { model: lp.build(), mode, hours: n, constantEur, targets, capacityColumns };
}

function addStorage(
  lp: LpBuilder,
  st: NetworkStorage,
  n: number,
  mode: OptimizeMode,
  dayMapping: Int32Array | undefined,
  hw: Float64Array,
  addSeries: (carrier: Carrier, start: number, coef: number | Float64Array) => void,
  capacityColumn: (id: string, e: Extendable) => number,
  addConstant: (eur: number) => void,
  discountRate: number,
): void {
  const ext = isExtendable(mode, st.extendable) ? st.extendable : undefined;
  const cap = ext ? capacityColumn(st.id, ext) : undefined;
  if (!ext)
    addConstant(
      annualise(st.costs.investEur, discountRate, st.costs.lifetimeYears) + st.costs.fixedEurPerYear,
    );
  const { charge: chargeRate, discharge: dischargeRate } = storagePowerRates(st);
  const cin = lp.addVariables(st.id, "flowIn", n, { ub: ext ? undefined : st.maxChargeKw });
  const cout = lp.addVariables(st.id, "flowOut", n, {
    ub: ext ? undefined : st.maxDischargeKw,
    cost: Array.from({ length: n }, (_, t) => (hw[t] ?? 1) * st.costs.variableEurPerKwh),
  });
  const soc = lp.addVariables(st.id, "stateOfCharge", n, { ub: ext ? undefined : st.capacityKwh });
  const keep = 1 - st.standingLossPerHour;
  addSeries(st.carrier, cin, -1);
  addSeries(st.carrier, cout, 1);
  for (let t = 0; t < n; t++) {
    if (cap !== undefined) {
      lp.addConstraint({
        name: `${st.id}:chargeLimit[${t}]`,
        terms: [
          [cin + t, 1],
          [cap, -chargeRate],
        ],
        ub: 0,
      });
      lp.addConstraint({
        name: `${st.id}:dischargeLimit[${t}]`,
        terms: [
          [cout + t, 1],
          [cap, -dischargeRate],
        ],
        ub: 0,
      });
      lp.addConstraint({
        name: `${st.id}:energyLimit[${t}]`,
        terms: [
          [soc + t, 1],
          [cap, -1],
        ],
        ub: 0,
      });
    }
  }
  const recursionTerms = (t: number, startOfPeriod: boolean): LpTerm[] => {
    const terms: LpTerm[] = [
      [soc + t, 1],
      [cin + t, -st.efficiencyCharge],
      [cout + t, 1 / st.efficiencyDischarge],
    ];
    if (!startOfPeriod) terms.push([soc + t - 1, -keep]);
    return terms;
  };
  if (!dayMapping) {
    // soc[t] = keep soc[t-1] + eta_c in[t] - out[t] / eta_d, soc[-1] = initial x capacity; cyclic at the end.
    const ec = st.efficiencyCharge;
    const ed = 1 / st.efficiencyDischarge;
    for (let t = 1; t < n; t++) {
      addRow(lp, `${st.id}:soc[${t}]`, 0, 0, soc + t, 1, cin + t, -ec, cout + t, ed, soc + t - 1, -keep);
    }
    if (n > 0) {
      // First hour: the state before it is the initial state (x capacity when the capacity is a variable).
      const terms = recursionTerms(0, true);
      let rhs = 0;
      if (cap !== undefined) terms.push([cap, -keep * st.initialSoc]);
      else rhs = keep * st.initialSoc * st.capacityKwh;
      lp.addConstraint({ name: `${st.id}:soc[0]`, terms, lb: rhs, ub: rhs });
    }
    const endTerms: LpTerm[] = [[soc + n - 1, 1]];
    let endRhs = st.initialSoc * st.capacityKwh;
    if (cap !== undefined) {
      endTerms.push([cap, -st.initialSoc]);
      endRhs = 0;
    }
    lp.addConstraint({ name: `${st.id}:cyclic`, terms: endTerms, lb: endRhs });
    return;
  }
  // Aggregated year (Kotzur et al. 2018, "Time series aggregation for energy system design: modeling
  // seasonal storage", Applied Energy 213): the intra-day state of each typical day starts at 0 and
  // may go negative; the inter-day state soc_d carries energy across the year's real day sequence.
  const typical = Math.floor(n / 24);
  for (let k = 0; k < typical; k++) {
    for (let h = 0; h < 24; h++) {
      const t = k * 24 + h;
      lp.addConstraint({ name: `${st.id}:soc[${t}]`, terms: recursionTerms(t, h === 0), lb: 0, ub: 0 });
    }
  }
  // soc variables above are intra-day deltas: allow negative values.
  for (let t = 0; t < n; t++) lp.setVariableBounds(soc + t, -Infinity, Infinity);
  const days = dayMapping.length;
  const inter = lp.addVariables(st.id, "interDaySoc", days + 1, { ub: ext ? undefined : st.capacityKwh });
  const keepDay = Math.pow(keep, 24);
  // Intra-day extremes per typical day, for the bounds of soc_d + intra within [0, capacity].
  const maxIntra = lp.addVariables(st.id, "intraMax", typical, { lb: -Infinity });
  const minIntra = lp.addVariables(st.id, "intraMin", typical, { lb: -Infinity });
  for (let k = 0; k < typical; k++) {
    for (let h = 0; h < 24; h++) {
      const t = k * 24 + h;
      lp.addConstraint({
        name: `${st.id}:intraMaxLink[${t}]`,
        terms: [
          [soc + t, 1],
          [maxIntra + k, -1],
        ],
        ub: 0,
      });
      lp.addConstraint({
        name: `${st.id}:intraMinLink[${t}]`,
        terms: [
          [soc + t, 1],
          [minIntra + k, -1],
        ],
        lb: 0,
      });
    }
  }
  for (let d = 0; d < days; d++) {
    const k = dayMapping[d] ?? 0;
    // soc_{d+1} = keep^24 soc_d + delta_k (end of the typical day's intra-day state).
    lp.addConstraint({
      name: `${st.id}:interDay[${d}]`,
      terms: [
        [inter + d + 1, 1],
        [inter + d, -keepDay],
        [soc + k * 24 + 23, -1],
      ],
      lb: 0,
      ub: 0,
    });
    lp.addConstraint({
      name: `${st.id}:interDayMin[${d}]`,
      terms: [
        [inter + d, 1],
        [minIntra + k, 1],
      ],
      lb: 0,
    });
    const upper: LpTerm[] = [
      [inter + d, 1],
      [maxIntra + k, 1],
    ];
    if (cap !== undefined) upper.push([cap, -1]);
    lp.addConstraint({
      name: `${st.id}:interDayMax[${d}]`,
      terms: upper,
      ub: cap !== undefined ? 0 : st.capacityKwh,
    });
    if (cap !== undefined)
      lp.addConstraint({
        name: `${st.id}:interDayCap[${d}]`,
        terms: [
          [inter + d, 1],
          [cap, -1],
        ],
        ub: 0,
      });
  }
  // Start and end of the year at the initial state.
  const startTerms: LpTerm[] = [[inter, 1]];
  const endTerms: LpTerm[] = [[inter + days, 1]];
  let rhs = st.initialSoc * st.capacityKwh;
  if (cap !== undefined) {
    startTerms.push([cap, -st.initialSoc]);
    endTerms.push([cap, -st.initialSoc]);
    rhs = 0;
  }
  lp.addConstraint({ name: `${st.id}:yearStart`, terms: startTerms, lb: rhs, ub: rhs });
  lp.addConstraint({ name: `${st.id}:cyclic`, terms: endTerms, lb: rhs });
}
