import type { Carrier, Network } from "../network/network.js";
import { CARRIERS } from "../network/network.js";
import type { SimulationResult } from "../simulate/simulate.js";
import { annualise } from "../kpi/finance.js";
import type { Allocation } from "./shapley.js";
import { localMonths, stepsByMonth } from "../kpi/local-time.js";

/** One partner's line of the settlement, EUR/a. */
export interface SettlementLine {
  /** Its annual cost optimised alone. */
  readonly standaloneEur: number;
  /** Its share of the value of cooperation (e.g. its Shapley value). */
  readonly shareEur: number;
  /** What it should end up paying: standalone - share. */
  readonly targetEur: number;
  /** What it bears in the joint optimum before transfers (own assets + its part of the grid bills). */
  readonly jointCostEur: number;
  /** Net transfer it pays (> 0) or receives (< 0): target - jointCost. Transfers sum to 0. */
  readonly transferEur: number;
}

export interface Payment {
  readonly from: string;
  readonly to: string;
  /** EUR per year. */
  readonly amountEur: number;
}

export type ExchangeCarrier = Carrier | "wasteHeat";

/** Energy that one partner supplies to another in the joint optimum, and the prices that suit both. */
export interface Exchange {
  readonly seller: string;
  readonly buyer: string;
  readonly carrier: ExchangeCarrier;
  /** Energy delivered per year, kWh/a. */
  readonly energyKwh: number;
  /**
   * [seller's marginal cost, buyer's alternative price], EUR/kWh, energy-weighted over the hours of the
   * exchange. Any fixed price inside leaves both better off than alone on this exchange; null when the buyer
   * has no outside alternative for the carrier.
   */
  readonly priceRangeEurPerKwh: readonly [number, number] | null;
  /** True when the range is non-empty (low <= high). */
  readonly mutuallyBeneficial: boolean;
}

export interface Settlement {
  readonly lines: Readonly<Record<string, SettlementLine>>;
  /** Fewest payer-to-payee payments (at most partners - 1) that carry out the transfers, EUR/a. */
  readonly payments: readonly Payment[];
  readonly exchanges: readonly Exchange[];
  /**
   * Monthly peak charges of the grid connections, EUR/a: each month's charge is split by the partners' net
   * draw in the hour that set the peak.
   */
  readonly peakEur: number;
  /**
   * The rest of the joint cost not tied to an owner (unmet-demand penalties, rounding), EUR/a; attributed to
   * the partners whose demand was not met (pro rata), or by the energy each partner draws when all was met.
   */
  readonly sharedEur: number;
}

export interface SettlementInput {
  readonly players: readonly string[];
  /** The grand coalition's network (capacities applied) and its optimal dispatch. */
  readonly network: Network;
  readonly result: SimulationResult;
  /** Hours each step stands for. */
  readonly hourWeights: Float64Array;
  /** The grand coalition's annual cost, EUR/a (the optimiser's objective). */
  readonly jointCostEur: number;
  /** Each partner's annual cost alone, EUR/a. */
  readonly standaloneEur: Readonly<Record<string, number>>;
  /** Shares of the value of cooperation, EUR/a (they should sum to sum(standalone) - jointCost). */
  readonly shares: Allocation;
  /**
   * For each month the steps whose imports set its peak charge (aggregated models: the typical days of the
   * month); default: the network timeline's local months.
   */
  readonly monthSteps?: readonly { readonly month: number; readonly steps: readonly number[] }[];
}

const importPrice = (network: Network, carrier: Carrier, t: number): number | undefined => {
  const g = network.grids.find((x) => x.carrier === carrier);
  if (!g) return undefined;
  const tr = g.tariff;
  return (
    (tr.importEnergyEurPerKwh[t] ?? 0) +
    (tr.importNetworkEurPerKwh[t] ?? 0) +
    (tr.importTaxEurPerKwh[t] ?? 0) +
    network.co2PriceEurPerKg * (network.factors.co2KgPerKwh[carrier][t] ?? 0)
  );
};

const exportPrice = (network: Network, carrier: Carrier, t: number): number | undefined => {
  const g = network.grids.find((x) => x.carrier === carrier && x.exportMaxKw > 0);
  return g ? (g.tariff.exportEurPerKwh[t] ?? 0) : undefined;
};

/**
 * Turns an allocation into payments (issue 8 §5; docs/concepts/cooperation-and-sharing.md §settlement).
 * 1. Each partner's cost in the joint optimum: its own assets (annualised investment, upkeep, variable costs)
 *    plus, hour by hour and per carrier, the grid bill split by net position: imports are paid by the partners
 *    who use more than they produce (pro rata), export revenue goes to those who produce more than they use.
 *    Monthly peak charges are split by the partners' net draw in the hour that set each peak; the rest of the
 *    joint cost (unmet-demand penalties) to the partners whose demand was not met.
 * 2. Transfers so that each partner ends at standalone - share; they sum to zero.
 * 3. The fewest payments that settle them (largest payer to largest payee, repeatedly).
 * 4. Every exchange between two partners (the internal part of the hourly net positions, pro rata; waste
 *    heat drawn by another partner's heat pump) with its price range.
 */
export function settlement(input: SettlementInput): Settlement {
  const { network, result, players } = input;
  const w = input.hourWeights;
  const n = w.length;
  const s = result.series;
  const idx = new Map(players.map((p, i) => [p, i]));
  const np = players.length;
  const zero = (): Float64Array => new Float64Array(n);
  // Net position (use - production) per carrier, player and step, kWh.
  const net: Record<Carrier, Float64Array[]> = {
    electricity: players.map(zero),
    heat: players.map(zero),
    cooling: players.map(zero),
  };
  const joint = new Float64Array(np);
  const addSeries = (c: Carrier, owner: string, x: Float64Array | undefined, sign: number): void => {
    const i = idx.get(owner);
    if (i === undefined || !x) return;
    const row = net[c][i] as Float64Array;
    for (let t = 0; t < n; t++) row[t] = (row[t] ?? 0) + sign * (x[t] ?? 0);
  };
  const addCost = (owner: string, eur: number): void => {
    const i = idx.get(owner);
    if (i !== undefined) joint[i] = (joint[i] ?? 0) + eur;
  };
  const fixed = (c: { investEur: number; fixedEurPerYear: number; lifetimeYears: number }): number =>
    annualise(c.investEur, network.discountRate, c.lifetimeYears) + c.fixedEurPerYear;
  const weighted = (x: Float64Array | undefined, price: (t: number) => number): number => {
    let v = 0;
    if (x) for (let t = 0; t < n; t++) v += (w[t] ?? 1) * (x[t] ?? 0) * price(t);
    return v;
  };

  for (const l of network.loads) addSeries(l.carrier, l.owner, l.demandKwh, 1);
  for (const f of network.flexibleLoads) addSeries("electricity", f.owner, s[`${f.id}:flowIn`], 1);
  for (const src of network.sources) {
    const f = s[`${src.id}:flowOut`];
    addSeries("electricity", src.owner, f, -1);
    addCost(src.owner, fixed(src.costs) + weighted(f, () => src.costs.variableEurPerKwh));
  }
  for (const c of network.converters) {
    addSeries("electricity", c.owner, s[`${c.id}:flowIn`], 1);
    addSeries("heat", c.owner, s[`${c.id}:flowOut`], -1);
    const wh = c.sourceId !== undefined ? network.wasteHeat.find((x) => x.id === c.sourceId) : undefined;
    addCost(
      c.owner,
      fixed(c.costs) +
        weighted(s[`${c.id}:flowOut`], () => c.costs.variableEurPerKwh) +
        (wh ? weighted(s[`${c.id}:sourceHeat`], () => wh.costs.variableEurPerKwh) : 0),
    );
  }
  for (const wh of network.wasteHeat) addCost(wh.owner, fixed(wh.costs));
  for (const st of network.storages) {
    addSeries(st.carrier, st.owner, s[`${st.id}:flowIn`], 1);
    addSeries(st.carrier, st.owner, s[`${st.id}:flowOut`], -1);
    addCost(st.owner, fixed(st.costs) + weighted(s[`${st.id}:flowOut`], () => st.costs.variableEurPerKwh));
  }
  for (const o of network.offsite)
    addCost(o.owner, fixed(o.costs) + weighted(o.contractedKwh, () => o.priceEurPerKwh));

  // Grid bills by net position, and the internal exchanges.
  const flows = new Map<string, { energy: number; low: number; high: number; highKnown: boolean }>();
  const addFlow = (key: string, energy: number, low: number, high: number | undefined): void => {
    const f = flows.get(key) ?? { energy: 0, low: 0, high: 0, highKnown: true };
    f.energy += energy;
    f.low += energy * low;
    if (high === undefined) f.highKnown = false;
    else f.high += energy * high;
    flows.set(key, f);
  };
  const drawn = new Float64Array(np);
  // Unmet demand each partner stands for (pro rata to its net draw), weighted kWh: the penalty's key.
  const unmetDrawn = new Float64Array(np);
  for (const carrier of CARRIERS) {
    const rows = net[carrier];
    const grids = network.grids.filter((g) => g.carrier === carrier);
    const unmet = s[`bus:${carrier}:unmet`];
    for (let t = 0; t < n; t++) {
      const h = w[t] ?? 1;
      let buy = 0;
      let sell = 0;
      for (const r of rows) {
        const x = r[t] ?? 0;
        if (x > 0) buy += x;
        else sell -= x;
      }
      const u = unmet?.[t] ?? 0;
      if (u > 0 && buy > 0)
        rows.forEach((r, i) => {
          const x = r[t] ?? 0;
          if (x > 0) unmetDrawn[i] = (unmetDrawn[i] ?? 0) + (h * u * x) / buy;
        });
      let importCost = 0;
      let exportRevenue = 0;
      let exported = 0;
      for (const g of grids) {
        const imp = s[`${g.id}:import`]?.[t] ?? 0;
        const exp = s[`${g.id}:export`]?.[t] ?? 0;
        const tr = g.tariff;
        const p =
          (tr.importEnergyEurPerKwh[t] ?? 0) +
          (tr.importNetworkEurPerKwh[t] ?? 0) +
          (tr.importTaxEurPerKwh[t] ?? 0) +
          network.co2PriceEurPerKg * (network.factors.co2KgPerKwh[carrier][t] ?? 0);
        importCost += h * imp * p;
        exportRevenue += h * exp * (tr.exportEurPerKwh[t] ?? 0);
        exported += exp;
      }
      rows.forEach((r, i) => {
        const x = r[t] ?? 0;
        if (x > 0) {
          drawn[i] = (drawn[i] ?? 0) + h * x;
          if (buy > 0) joint[i] = (joint[i] ?? 0) + (importCost * x) / buy;
        } else if (x < 0 && sell > 0) joint[i] = (joint[i] ?? 0) - (exportRevenue * -x) / sell;
      });
      const internal = Math.max(0, Math.min(sell - exported, buy));
      if (internal <= 1e-9) continue;
      const pBuy = importPrice(network, carrier, t);
      const pExport = exportPrice(network, carrier, t);
      rows.forEach((ri, i) => {
        const xi = ri[t] ?? 0;
        if (xi >= 0) return;
        const floor = Math.max(pExport ?? 0, productionCost(network, s, players[i] as string, carrier, t));
        rows.forEach((rj, j) => {
          const xj = rj[t] ?? 0;
          if (xj <= 0) return;
          const e = (h * internal * (-xi / sell) * xj) / buy;
          addFlow(`${players[i]}\u0000${players[j]}\u0000${carrier}`, e, floor, pBuy);
        });
      });
    }
  }
  // Waste heat drawn by another partner's heat pump.
  for (const c of network.converters) {
    const wh = c.sourceId !== undefined ? network.wasteHeat.find((x) => x.id === c.sourceId) : undefined;
    if (!wh || wh.owner === c.owner || !idx.has(wh.owner) || !idx.has(c.owner)) continue;
    const src = s[`${c.id}:sourceHeat`];
    for (let t = 0; t < n; t++) {
      const q = (w[t] ?? 1) * (src?.[t] ?? 0);
      if (q <= 1e-9) continue;
      const cop = c.efficiency[t] ?? 0;
      const pHeat = importPrice(network, "heat", t);
      const pEl = importPrice(network, "electricity", t) ?? 0;
      const high = pHeat !== undefined && cop > 1 ? (pHeat * cop - pEl) / (cop - 1) : undefined;
      addFlow(`${wh.owner}\u0000${c.owner}\u0000wasteHeat`, q, wh.costs.variableEurPerKwh, high);
    }
  }

  // Peak charges: per grid and month, split by the partners' net draw in the step that set the peak.
  const groups = input.monthSteps ?? stepsByMonth(localMonths(network.timeline));
  let peakEur = 0;
  for (const g of network.grids) {
    const rate = g.tariff.peakEurPerKwMonth;
    const imp = s[`${g.id}:import`];
    if (rate <= 0 || !imp) continue;
    const rows = net[g.carrier];
    for (const { steps } of groups) {
      let peak = 0;
      let at = -1;
      for (const t of steps) if ((imp[t] ?? 0) > peak) [peak, at] = [imp[t] ?? 0, t];
      if (at < 0 || peak <= 0) continue;
      const eur = rate * peak;
      peakEur += eur;
      let draw = 0;
      for (const r of rows) draw += Math.max(0, r[at] ?? 0);
      if (draw <= 0) continue;
      rows.forEach((r, i) => {
        joint[i] = (joint[i] ?? 0) + (eur * Math.max(0, r[at] ?? 0)) / draw;
      });
    }
  }

  const attributed = joint.reduce((a, b) => a + b, 0);
  const sharedEur = input.jointCostEur - attributed;
  // Unmet-demand penalties go to the partners whose demand was not met; anything else by energy drawn.
  const totalUnmet = unmetDrawn.reduce((a, b) => a + b, 0);
  const key = totalUnmet > 1e-9 ? unmetDrawn : drawn;
  const totalKey = key.reduce((a, b) => a + b, 0);
  players.forEach((_, i) => {
    joint[i] = (joint[i] ?? 0) + (totalKey > 0 ? (sharedEur * (key[i] ?? 0)) / totalKey : sharedEur / np);
  });

  const lines: Record<string, SettlementLine> = {};
  players.forEach((p, i) => {
    const standaloneEur = input.standaloneEur[p] ?? 0;
    const shareEur = input.shares[p] ?? 0;
    const targetEur = standaloneEur - shareEur;
    const jointCostEur = joint[i] ?? 0;
    lines[p] = { standaloneEur, shareEur, targetEur, jointCostEur, transferEur: targetEur - jointCostEur };
  });

  const exchanges: Exchange[] = [];
  for (const [key, f] of flows) {
    if (f.energy <= 1e-6) continue;
    const [seller, buyer, carrier] = key.split("\u0000") as [string, string, ExchangeCarrier];
    const range: readonly [number, number] | null = f.highKnown
      ? [f.low / f.energy, f.high / f.energy]
      : null;
    exchanges.push({
      seller,
      buyer,
      carrier,
      energyKwh: f.energy,
      priceRangeEurPerKwh: range,
      mutuallyBeneficial: range === null || range[0] <= range[1] + 1e-12,
    });
  }
  exchanges.sort((a, b) => b.energyKwh - a.energyKwh);
  return { lines, payments: minimalPayments(lines), exchanges, peakEur, sharedEur };
}

/** Seller's marginal cost of a kWh of `carrier` in step t: its cheapest running producer, EUR/kWh. */
function productionCost(
  network: Network,
  s: Readonly<Record<string, Float64Array>>,
  owner: string,
  carrier: Carrier,
  t: number,
): number {
  let best = Number.POSITIVE_INFINITY;
  if (carrier === "heat") {
    const pEl = importPrice(network, "electricity", t) ?? 0;
    for (const c of network.converters) {
      if (c.owner !== owner || (s[`${c.id}:flowOut`]?.[t] ?? 0) <= 1e-9) continue;
      const eff = c.efficiency[t] ?? 0;
      if (eff > 0) best = Math.min(best, pEl / eff + c.costs.variableEurPerKwh);
    }
  } else if (carrier === "electricity") {
    for (const src of network.sources)
      if (src.owner === owner && (s[`${src.id}:flowOut`]?.[t] ?? 0) > 1e-9)
        best = Math.min(best, src.costs.variableEurPerKwh);
  }
  // Storage discharge and anything else: no production cost of its own.
  return Number.isFinite(best) ? best : 0;
}

/** Largest payer pays largest payee until all transfers are settled: at most partners - 1 payments. */
export function minimalPayments(
  lines: Readonly<Record<string, { readonly transferEur: number }>>,
): Payment[] {
  const entries = Object.entries(lines).map(([p, l]) => [p, l.transferEur] as [string, number]);
  const scale = Math.max(1, ...entries.map(([, x]) => Math.abs(x)));
  const eps = 1e-9 * scale;
  const payers = entries.filter(([, x]) => x > eps).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const payees = entries
    .filter(([, x]) => x < -eps)
    .map(([p, x]) => [p, -x] as [string, number])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const out: Payment[] = [];
  let i = 0;
  let j = 0;
  while (i < payers.length && j < payees.length) {
    const payer = payers[i] as [string, number];
    const payee = payees[j] as [string, number];
    const amount = Math.min(payer[1], payee[1]);
    if (amount > eps) out.push({ from: payer[0], to: payee[0], amountEur: amount });
    payer[1] -= amount;
    payee[1] -= amount;
    if (payer[1] <= eps) i++;
    if (payee[1] <= eps) j++;
  }
  return out;
}
