import type { Carrier, Network, NetworkConverter, NetworkGrid, NetworkStorage } from "../network/network.js";

/**
 * Dispatch policy of the rule-based simulator (docs/concepts/simulation.md):
 * - `selfConsumption`: local production first, then storage, then heat pumps (waste heat, ground, ...),
 *   then imports; surplus to storage, then to useful sinks (heat pumps into thermal storage, electric
 *   boilers, smart EV charging), then export, then curtailment.
 * - `priceDriven`: as `selfConsumption`, but batteries also charge from the grid in each day's cheapest
 *   hours and hold their charge for the day's most expensive hours.
 */
export type DispatchPolicy = "selfConsumption" | "priceDriven";

export interface SimulateOptions {
  readonly policy?: DispatchPolicy;
  /**
   * Fraction of hours per day counted as cheap (charge) and as expensive (discharge) under `priceDriven`.
   * Default 0.25: the cheapest 6 and the dearest 6 hours of each 24-hour block.
   */
  readonly priceQuantile?: number;
  /** Called with the completed fraction (0..1) about ten times per run. */
  readonly onProgress?: (fraction: number) => void;
}

export interface SimulationDiagnostic {
  readonly code: string;
  readonly severity: "info" | "warning";
  readonly message: string;
  readonly path?: string;
}

/**
 * The outcome of a simulation: every flow and state as an hourly series, keyed `<elementId>:<attribute>`
 * (the same names the LP uses). Attributes: loads `demand`; sources `flowOut`, `curtailed`; converters
 * `flowIn` (electricity), `flowOut` (heat), `sourceHeat`; waste heat `flowOut`; storage `flowIn` (charge),
 * `flowOut` (discharge), `stateOfCharge` (kWh at the end of the hour); grids `import`, `export`; flexible
 * loads `flowIn`; buses `bus:<carrier>:unmet` and `bus:<carrier>:residual` (balance check, kWh).
 */
export interface SimulationResult {
  readonly policy: DispatchPolicy;
  readonly hours: number;
  readonly series: Readonly<Record<string, Float64Array>>;
  readonly diagnostics: readonly SimulationDiagnostic[];
}

const EPS = 1e-12;

interface StorageState {
  readonly s: NetworkStorage;
  soc: number;
  readonly flowIn: Float64Array;
  readonly flowOut: Float64Array;
  readonly stateOfCharge: Float64Array;
  /** Per-hour scratch: energy still dischargeable / chargeable this hour (bus side). */
  canDischarge: number;
  canCharge: number;
  charged: number;
  discharged: number;
}

interface ConverterState {
  readonly c: NetworkConverter;
  readonly flowIn: Float64Array;
  readonly flowOut: Float64Array;
  readonly sourceHeat: Float64Array;
  used: number;
}

function sumInto(target: Float64Array, add: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) + (add[i] ?? 0);
}

/** Per-day (24-hour blocks from the timeline start) price thresholds for the price-driven policy. */
function dailyThresholds(price: Float64Array, quantile: number): { low: Float64Array; high: Float64Array } {
  const low = new Float64Array(price.length);
  const high = new Float64Array(price.length);
  for (let start = 0; start < price.length; start += 24) {
    const end = Math.min(price.length, start + 24);
    const day = Array.from(price.subarray(start, end)).sort((a, b) => a - b);
    const k = Math.max(1, Math.round(day.length * quantile));
    const lo = day[k - 1] ?? 0;
    const hi = day[day.length - k] ?? 0;
    for (let i = start; i < end; i++) {
      low[i] = lo;
      high[i] = hi;
    }
  }
  return { low, high };
}

/**
 * Rule-based hourly simulation of a network. Pure and deterministic; the network is not modified.
 * Capacities, efficiencies, standing losses and states of charge are honoured every hour; demand that
 * cannot be met is reported on `bus:<carrier>:unmet` and in the diagnostics, never silently dropped.
 */
export function simulate(network: Network, options: SimulateOptions = {}): SimulationResult {
  const policy = options.policy ?? "selfConsumption";
  const quantile = options.priceQuantile ?? 0.25;
  const n = network.timeline.hours;
  const series: Record<string, Float64Array> = {};
  const diagnostics: SimulationDiagnostic[] = [];
  const out = (key: string): Float64Array => {
    const existing = series[key];
    if (existing) return existing;
    const created = new Float64Array(n);
    series[key] = created;
    return created;
  };

  // Fixed demand per carrier.
  const demand: Record<Carrier, Float64Array> = {
    electricity: new Float64Array(n),
    heat: new Float64Array(n),
    cooling: new Float64Array(n),
  };
  for (const load of network.loads) {
    sumInto(demand[load.carrier], load.demandKwh);
    series[`${load.id}:demand`] = load.demandKwh;
  }

  const gridsOf = (carrier: Carrier): NetworkGrid[] => network.grids.filter((g) => g.carrier === carrier);
  const grids = { electricity: gridsOf("electricity"), heat: gridsOf("heat"), cooling: gridsOf("cooling") };
  const gridImport = new Map(network.grids.map((g) => [g.id, out(`${g.id}:import`)]));
  const gridExport = new Map(network.grids.map((g) => [g.id, out(`${g.id}:export`)]));

  const storages: StorageState[] = network.storages.map((s) => ({
    s,
    soc: s.capacityKwh * s.initialSoc,
    flowIn: out(`${s.id}:flowIn`),
    flowOut: out(`${s.id}:flowOut`),
    stateOfCharge: out(`${s.id}:stateOfCharge`),
    canDischarge: 0,
    canCharge: 0,
    charged: 0,
    discharged: 0,
  }));
  const batteries = storages.filter((st) => st.s.carrier === "electricity");
  const thermal = storages.filter((st) => st.s.carrier === "heat");

  const byPriority = [...network.converters].sort(
    (a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1),
  );
  const converters: ConverterState[] = byPriority.map((c) => ({
    c,
    flowIn: out(`${c.id}:flowIn`),
    flowOut: out(`${c.id}:flowOut`),
    sourceHeat: out(`${c.id}:sourceHeat`),
    used: 0,
  }));
  const heatPumps = converters.filter((cs) => cs.c.kind === "heatPump");
  const boilers = converters.filter((cs) => cs.c.kind === "electricBoiler");

  const wasteHeatUsed = new Map(network.wasteHeat.map((w) => [w.id, out(`${w.id}:flowOut`)]));
  const wasteHeatById = new Map(network.wasteHeat.map((w) => [w.id, w]));

  const sources = network.sources.map((s) => ({
    s,
    flowOut: out(`${s.id}:flowOut`),
    curtailed: out(`${s.id}:curtailed`),
  }));
  const flex = network.flexibleLoads.map((f) => ({ f, flowIn: out(`${f.id}:flowIn`), cumulative: 0 }));

  const unmet = {
    electricity: out("bus:electricity:unmet"),
    heat: out("bus:heat:unmet"),
    cooling: out("bus:cooling:unmet"),
  };

  const firstElectricGrid = grids.electricity[0];
  const thresholds =
    policy === "priceDriven" && firstElectricGrid
      ? dailyThresholds(totalImportPrice(firstElectricGrid), quantile)
      : undefined;
  if (policy === "priceDriven" && !firstElectricGrid) {
    diagnostics.push({
      code: "no-price-signal",
      severity: "warning",
      message: "priceDriven policy without an electricity grid connection behaves like selfConsumption",
    });
  }

  const progressEvery = Math.max(1, Math.floor(n / 10));
  const wasteRemaining = new Map<string, number>();

  for (let t = 0; t < n; t++) {
    // Storage: standing loss over the hour, then what can move this hour (bus side).
    for (const st of storages) {
      st.soc *= 1 - st.s.standingLossPerHour;
      st.canDischarge = Math.min(st.s.maxDischargeKw, st.soc * st.s.efficiencyDischarge);
      st.canCharge =
        st.s.efficiencyCharge > 0
          ? Math.min(st.s.maxChargeKw, Math.max(0, st.s.capacityKwh - st.soc) / st.s.efficiencyCharge)
          : 0;
      st.charged = 0;
      st.discharged = 0;
    }
    for (const cs of converters) cs.used = 0;
    for (const w of network.wasteHeat) wasteRemaining.set(w.id, w.availableKwh[t] ?? 0);

    // --- Cooling: district cooling, then unmet.
    let coolingNeed = demand.cooling[t] ?? 0;
    for (const g of grids.cooling) {
      const q = Math.min(coolingNeed, g.importMaxKw);
      (gridImport.get(g.id) as Float64Array)[t] = q;
      coolingNeed -= q;
    }
    unmet.cooling[t] = coolingNeed > EPS ? coolingNeed : 0;

    // --- Heat: thermal storage, heat pumps by priority, district heating, electric boilers, unmet.
    let heatNeed = demand.heat[t] ?? 0;
    for (const st of thermal) {
      const q = Math.min(heatNeed, st.canDischarge);
      if (q > EPS) {
        st.discharged += q;
        st.canCharge = 0; // never charge and discharge in the same hour
        heatNeed -= q;
      }
    }
    const runConverter = (cs: ConverterState, wanted: number): number => {
      const cop = cs.c.efficiency[t] ?? 0;
      if (cop <= 0 || wanted <= EPS) return 0;
      let q = Math.min(wanted, cs.c.capacityKw - cs.used);
      if (cs.c.sourceId !== undefined && cop > 1) {
        const available = wasteRemaining.get(cs.c.sourceId) ?? 0;
        q = Math.min(q, (available * cop) / (cop - 1));
      }
      if (q <= EPS) return 0;
      const electricity = q / cop;
      const source = cs.c.kind === "heatPump" ? q - electricity : 0;
      cs.used += q;
      cs.flowOut[t] = (cs.flowOut[t] ?? 0) + q;
      cs.flowIn[t] = (cs.flowIn[t] ?? 0) + electricity;
      cs.sourceHeat[t] = (cs.sourceHeat[t] ?? 0) + source;
      if (cs.c.sourceId !== undefined) {
        wasteRemaining.set(cs.c.sourceId, Math.max(0, (wasteRemaining.get(cs.c.sourceId) ?? 0) - source));
      }
      return q;
    };
    for (const cs of heatPumps) heatNeed -= runConverter(cs, heatNeed);
    for (const g of grids.heat) {
      const q = Math.min(heatNeed, g.importMaxKw);
      (gridImport.get(g.id) as Float64Array)[t] = q;
      heatNeed -= q;
    }
    for (const cs of boilers) heatNeed -= runConverter(cs, heatNeed);
    unmet.heat[t] = heatNeed > EPS ? heatNeed : 0;

    // --- Mandatory smart-EV charging: stay on or above the lower cumulative bound.
    let evMandatory = 0;
    for (const fl of flex) {
      const room = Math.min(
        fl.f.maxPowerKw[t] ?? 0,
        Math.max(0, (fl.f.maxCumulativeKwh[t] ?? 0) - fl.cumulative),
      );
      const need = Math.min(room, Math.max(0, (fl.f.minCumulativeKwh[t] ?? 0) - fl.cumulative));
      fl.flowIn[t] = need;
      fl.cumulative += need;
      evMandatory += need;
    }

    // --- Electricity.
    let generation = 0;
    for (const src of sources) generation += src.s.availableKwh[t] ?? 0;
    let converterElectricity = 0;
    for (const cs of converters) converterElectricity += cs.flowIn[t] ?? 0;
    let net = generation - (demand.electricity[t] ?? 0) - evMandatory - converterElectricity;

    const price = firstElectricGrid ? totalImportPriceAt(firstElectricGrid, t) : 0;
    const cheap = thresholds !== undefined && price <= (thresholds.low[t] ?? -Infinity);
    const dear = thresholds !== undefined && price >= (thresholds.high[t] ?? Infinity);

    if (net < 0) {
      // Deficit: batteries (not while holding charge for dearer hours), then imports, then unmet.
      const holdCharge = thresholds !== undefined && !dear;
      if (!holdCharge) {
        for (const st of batteries) {
          const q = Math.min(-net, st.canDischarge);
          if (q > EPS) {
            st.discharged += q;
            st.canCharge = 0;
            net += q;
          }
        }
      }
      for (const g of grids.electricity) {
        const q = Math.min(-net, g.importMaxKw);
        (gridImport.get(g.id) as Float64Array)[t] = q;
        net += q;
      }
      unmet.electricity[t] = -net > EPS ? -net : 0;
      net = 0;
    } else {
      // Surplus: batteries, heat pumps and boilers into thermal storage, smart EV, export, curtailment.
      for (const st of batteries) {
        const q = Math.min(net, st.canCharge);
        if (q > EPS) {
          st.charged += q;
          st.canDischarge = 0;
          net -= q;
        }
      }
      for (const st of thermal) {
        for (const cs of [...heatPumps, ...boilers]) {
          if (net <= EPS || st.canCharge <= EPS) break;
          const cop = cs.c.efficiency[t] ?? 0;
          if (cop <= 0) continue;
          const heat = runConverter(cs, Math.min(st.canCharge, net * cop));
          if (heat > EPS) {
            st.charged += heat;
            st.canCharge -= heat;
            st.canDischarge = 0;
            net -= heat / cop;
          }
        }
      }
      for (const fl of flex) {
        if (net <= EPS) break;
        const room = Math.min(
          (fl.f.maxPowerKw[t] ?? 0) - (fl.flowIn[t] ?? 0),
          Math.max(0, (fl.f.maxCumulativeKwh[t] ?? 0) - fl.cumulative),
        );
        const q = Math.min(net, Math.max(0, room));
        fl.flowIn[t] = (fl.flowIn[t] ?? 0) + q;
        fl.cumulative += q;
        net -= q;
      }
      for (const g of grids.electricity) {
        const q = Math.min(net, g.exportMaxKw);
        (gridExport.get(g.id) as Float64Array)[t] = q;
        net -= q;
      }
    }

    // Price-driven: top up batteries from the grid in cheap hours (within the import limits left).
    if (cheap) {
      for (const st of batteries) {
        for (const g of grids.electricity) {
          const imported = gridImport.get(g.id) as Float64Array;
          const q = Math.min(st.canCharge - st.charged, g.importMaxKw - (imported[t] ?? 0));
          if (q > EPS && st.discharged <= EPS) {
            imported[t] = (imported[t] ?? 0) + q;
            st.charged += q;
          }
        }
      }
    }

    // Curtail what is left, pro rata to availability.
    const curtail = Math.max(0, net);
    for (const src of sources) {
      const available = src.s.availableKwh[t] ?? 0;
      const share = generation > 0 ? (curtail * available) / generation : 0;
      src.curtailed[t] = share;
      src.flowOut[t] = available - share;
    }

    // Waste heat actually drawn.
    for (const [id, used] of wasteHeatUsed) {
      used[t] = (wasteHeatById.get(id)?.availableKwh[t] ?? 0) - (wasteRemaining.get(id) ?? 0);
    }

    // Storage recursion: soc[t] = soc[t-1] (1 - loss) + eta_c charge - discharge / eta_d.
    for (const st of storages) {
      st.flowIn[t] = st.charged;
      st.flowOut[t] = st.discharged;
      st.soc += st.charged * st.s.efficiencyCharge - st.discharged / st.s.efficiencyDischarge;
      if (st.soc < 0) st.soc = 0; // rounding only: discharge never exceeds soc * eta_d
      st.stateOfCharge[t] = st.soc;
    }

    // Balance check on every bus (supply + unmet - demand), kWh.

    if (options.onProgress && (t + 1) % progressEvery === 0) options.onProgress((t + 1) / n);
  }

  // Balance check on every bus (supply + unmet - demand), kWh, from the finished series.
  addBalanceResiduals(network, series, n);

  for (const carrier of ["electricity", "heat", "cooling"] as const) {
    let total = 0;
    for (const v of unmet[carrier]) total += v;
    if (total > 1e-6) {
      diagnostics.push({
        code: "unmet-demand",
        severity: "warning",
        message: `${carrier}: ${total.toFixed(1)} kWh of demand could not be met by the assets and connections`,
        path: `bus:${carrier}`,
      });
    }
  }
  for (const src of sources) {
    let total = 0;
    for (const v of src.curtailed) total += v;
    if (total > 1e-6) {
      diagnostics.push({
        code: "curtailed",
        severity: "info",
        message: `${src.s.id}: ${total.toFixed(1)} kWh curtailed (no use, storage or export room)`,
        path: src.s.id,
      });
    }
  }
  return { policy, hours: n, series, diagnostics };
}

export function totalImportPrice(grid: NetworkGrid): Float64Array {
  const n = grid.tariff.importEnergyEurPerKwh.length;
  const price = new Float64Array(n);
  for (let t = 0; t < n; t++) price[t] = totalImportPriceAt(grid, t);
  return price;
}

function totalImportPriceAt(grid: NetworkGrid, t: number): number {
  const tr = grid.tariff;
  return (
    (tr.importEnergyEurPerKwh[t] ?? 0) + (tr.importNetworkEurPerKwh[t] ?? 0) + (tr.importTaxEurPerKwh[t] ?? 0)
  );
}

/**
 * Writes `bus:<carrier>:residual` (supply + unmet - demand, kWh) for every hour into `series`, for results
 * produced elsewhere (the optimiser) so that the same balance check applies to them.
 */
export function addBalanceResiduals(
  network: Network,
  series: Record<string, Float64Array>,
  hours: number,
): void {
  // Signed terms per bus, resolved once (not per hour): +supply, -use.
  const terms: Record<Carrier, { values: Float64Array; sign: number }[]> = {
    electricity: [],
    heat: [],
    cooling: [],
  };
  const add = (carrier: Carrier, key: string, sign: number): void => {
    const values = series[key];
    if (values) terms[carrier].push({ values, sign });
  };
  for (const c of ["electricity", "heat", "cooling"] as const) add(c, `bus:${c}:unmet`, 1);
  for (const src of network.sources) add("electricity", `${src.id}:flowOut`, 1);
  for (const st of network.storages) {
    add(st.carrier, `${st.id}:flowOut`, 1);
    add(st.carrier, `${st.id}:flowIn`, -1);
  }
  for (const g of network.grids) {
    add(g.carrier, `${g.id}:import`, 1);
    add(g.carrier, `${g.id}:export`, -1);
  }
  for (const l of network.loads) terms[l.carrier].push({ values: l.demandKwh, sign: -1 });
  for (const f of network.flexibleLoads) add("electricity", `${f.id}:flowIn`, -1);
  for (const c of network.converters) {
    add("electricity", `${c.id}:flowIn`, -1);
    add("heat", `${c.id}:flowOut`, 1);
  }
  for (const carrier of ["electricity", "heat", "cooling"] as const) {
    const r = new Float64Array(hours);
    for (const { values, sign } of terms[carrier]) {
      for (let t = 0; t < hours; t++) r[t] = (r[t] ?? 0) + sign * (values[t] ?? 0);
    }
    series[`bus:${carrier}:residual`] = r;
  }
}
