import type {
  AssetCosts,
  Carrier,
  Network,
  NetworkGrid,
  PedBoundary,
  PedWeighting,
} from "../network/network.js";
import { simulate, type SimulationResult } from "../simulate/simulate.js";
import { annualise } from "./finance.js";
import { carrierWeight } from "./ped-weights.js";
import { localMonths } from "./local-time.js";

/**
 * Indicators of a simulated (or optimised) district: pure functions of (network, result).
 * Every figure's definition is in docs/concepts/indicators.md; the ones that depend on a convention carry it.
 */
export interface KpiOptions {
  readonly boundary?: PedBoundary;
  readonly weighting?: PedWeighting;
  /** Also simulate the conventional reference district and report the difference (default true). */
  readonly reference?: boolean;
}

export interface PositivityFigures {
  /** produced / consumed; null when nothing is consumed. PED in this definition when >= 1. */
  readonly ratio: number | null;
  readonly producedKWh: number;
  readonly consumedKWh: number;
  /** produced - consumed (>= 0 means energy positive). */
  readonly balanceKWh: number;
}

export interface EnergyPositivity extends PositivityFigures {
  readonly boundary: PedBoundary;
  readonly weighting: PedWeighting;
  /** Unit of produced/consumed: kWh (delivered), kWh_PE (primary-energy weighted) or kgCO2e. */
  readonly unit: "kWh" | "kWh_PE" | "kgCO2e";
  readonly definition: string;
  readonly monthly: readonly (PositivityFigures & { readonly month: number })[];
}

export interface Kpis {
  readonly energyPositivity: EnergyPositivity;
  /** All nine boundary x weighting combinations, annual. */
  readonly energyPositivityMatrix: Readonly<
    Record<PedBoundary, Readonly<Record<PedWeighting, PositivityFigures>>>
  >;
  /** Share of electricity use met by local generation, 0..1 (null without use). */
  readonly selfSufficiency: number | null;
  /** Share of local generation used in the district, 0..1 (null without generation). */
  readonly selfConsumption: number | null;
  readonly energy: {
    readonly demandKWh: Readonly<Record<Carrier, number>>;
    readonly evChargingKWh: number;
    readonly converterElectricityKWh: number;
    readonly generationKWh: number;
    readonly curtailedKWh: number;
    readonly importKWh: Readonly<Record<Carrier, number>>;
    readonly exportKWh: Readonly<Record<Carrier, number>>;
    readonly unmetKWh: Readonly<Record<Carrier, number>>;
    readonly offsiteContractedKWh: number;
    readonly wasteHeatRecoveredKWh: number;
    readonly heatPumpHeatKWh: number;
  };
  readonly peaks: { readonly importKw: Readonly<Record<Carrier, number>>; readonly exportKw: number };
  readonly hoursOfNetExport: number;
  readonly seasonal: {
    /** Weighted balance (produced - consumed) October to March, in the energyPositivity unit. */
    readonly winterBalanceKWh: number;
    /** Weighted balance April to September. */
    readonly summerBalanceKWh: number;
  };
  readonly co2: {
    readonly emissionsKg: number;
    readonly byCarrierKg: Readonly<Record<Carrier, number>>;
    /** Emissions avoided elsewhere by exported electricity (same hourly factor). */
    readonly avoidedByExportKg: number;
    /** Emissions avoided by off-site renewable contracts (counted only under the virtual boundary). */
    readonly avoidedByOffsiteKg: number;
    /** emissions - avoided by export. */
    readonly netKg: number;
    /** netKg - avoided by off-site contracts. */
    readonly netWithOffsiteKg: number;
  };
  readonly costs: {
    readonly energyEur: number;
    readonly networkFeesEur: number;
    readonly taxesEur: number;
    readonly peakChargesEur: number;
    readonly fixedFeesEur: number;
    readonly exportRevenueEur: number;
    readonly annualisedInvestmentEur: number;
    readonly fixedUpkeepEur: number;
    readonly variableEur: number;
    readonly offsiteContractsEur: number;
    /** Annual total, EUR/a, VAT excluded. */
    readonly totalEur: number;
    /** Average cost of electricity used in the district, EUR/kWh. */
    readonly electricityEurPerKwh: number | null;
    /** Levelised cost of heat delivered to buildings (all heat supply costs / heat delivered), EUR/kWh. */
    readonly heatEurPerKwh: number | null;
    /** Levelised cost of local PV electricity, EUR/kWh. */
    readonly pvEurPerKwh: number | null;
  };
  readonly perResident: { readonly costEurPerMonth: number | null; readonly co2KgPerYear: number | null };
  readonly perJob: { readonly costEurPerMonth: number | null; readonly co2KgPerYear: number | null };
  readonly perStakeholder: readonly StakeholderFigures[];
  readonly reference: ReferenceComparison | null;
}

export interface StakeholderFigures {
  readonly id: string;
  readonly name: string;
  /** Energy used by its buildings and chargers, priced at the district's average cost per carrier, EUR/a. */
  readonly energyCostEur: number;
  /** Annualised investment, upkeep and variable costs of the assets it owns, EUR/a. */
  readonly assetCostEur: number;
  /** Net bills of grid connections it holds (imports, fees, taxes, peaks - export revenue), EUR/a. */
  readonly gridBillsEur: number;
  /** Emissions of its buildings' energy use, kgCO2e/a. */
  readonly co2Kg: number;
}

export interface ReferenceComparison {
  readonly description: string;
  readonly totalCostEur: number;
  readonly co2NetKg: number;
  readonly energyPositivity: PositivityFigures;
  /** Reference minus this district (positive = this district is better). */
  readonly savingsEur: number;
  readonly co2SavingsKg: number;
}

const sum = (a: ArrayLike<number> | undefined): number => {
  if (!a) return 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] ?? 0;
  return s;
};
const ratio = (num: number, den: number): number | null => (den > 1e-9 ? num / den : null);
const zeroByCarrier = (): Record<Carrier, number> => ({ electricity: 0, heat: 0, cooling: 0 });

const UNIT: Record<PedWeighting, EnergyPositivity["unit"]> = {
  delivered: "kWh",
  primaryEnergy: "kWh_PE",
  co2: "kgCO2e",
};

const DEFINITION: Record<PedWeighting, string> = {
  delivered: "delivered energy, every carrier weighted 1",
  primaryEnergy: "energy-carrier (primary-energy) factors of the model, Finnish decree 788/2017 by default",
  co2: "emission factors of the model per carrier (hourly where given), kgCO2e",
};

const BOUNDARY_TEXT: Record<PedBoundary, string> = {
  onSite: "on-site generation only",
  functional: "on-site and functional (nearby, part of the district's system) generation",
  virtual: "on-site, functional and virtual (off-site contracted) generation",
};

interface HourlyTotals {
  readonly importBy: Record<Carrier, Float64Array>;
  readonly exportEl: Float64Array;
  readonly genAll: Float64Array;
  readonly genByLocation: Record<"onSite" | "functional" | "virtual", Float64Array>;
  readonly offsite: Float64Array;
  /** Waste heat drawn by heat pumps, all sources and by location. */
  readonly wasteAll: Float64Array;
  readonly wasteByLocation: Record<"onSite" | "functional" | "virtual", Float64Array>;
}

function hourlyTotals(network: Network, result: SimulationResult): HourlyTotals {
  const n = result.hours;
  const mk = (): Float64Array => new Float64Array(n);
  const importBy = { electricity: mk(), heat: mk(), cooling: mk() };
  const exportEl = mk();
  for (const g of network.grids) {
    const imp = result.series[`${g.id}:import`];
    const exp = result.series[`${g.id}:export`];
    for (let t = 0; t < n; t++) {
      importBy[g.carrier][t] = (importBy[g.carrier][t] ?? 0) + (imp?.[t] ?? 0);
      if (g.carrier === "electricity") exportEl[t] = (exportEl[t] ?? 0) + (exp?.[t] ?? 0);
    }
  }
  const genAll = mk();
  const genByLocation = { onSite: mk(), functional: mk(), virtual: mk() };
  for (const s of network.sources) {
    const flow = result.series[`${s.id}:flowOut`];
    for (let t = 0; t < n; t++) {
      const v = flow?.[t] ?? 0;
      genAll[t] = (genAll[t] ?? 0) + v;
      genByLocation[s.location][t] = (genByLocation[s.location][t] ?? 0) + v;
    }
  }
  const offsite = mk();
  for (const c of network.offsite)
    for (let t = 0; t < n; t++) offsite[t] = (offsite[t] ?? 0) + (c.contractedKwh[t] ?? 0);
  const wasteAll = mk();
  const wasteByLocation = { onSite: mk(), functional: mk(), virtual: mk() };
  for (const w of network.wasteHeat) {
    const flow = result.series[`${w.id}:flowOut`];
    for (let t = 0; t < n; t++) {
      const v = flow?.[t] ?? 0;
      wasteAll[t] = (wasteAll[t] ?? 0) + v;
      wasteByLocation[w.location][t] = (wasteByLocation[w.location][t] ?? 0) + v;
    }
  }
  return { importBy, exportEl, genAll, genByLocation, offsite, wasteAll, wasteByLocation };
}

/**
 * Energy positivity in the EN ISO 52000-1 style used by PED frameworks (docs/concepts/indicators.md):
 *   consumed = sum_t [ sum_c w_c(t) import_c(t) + w_el(t) self-used generation(t) + w_heat(t) waste heat(t) ]
 *   produced = sum_t [ w_el(t) (generation inside the boundary [+ off-site contracts if virtual])
 *                      + w_heat(t) waste heat recovered inside the boundary ]
 * so that produced >= consumed exactly when weighted exports cover weighted imports (E_P <= 0, k_exp = 1).
 */
function positivityPerHour(
  network: Network,
  h: HourlyTotals,
  boundary: PedBoundary,
  weighting: PedWeighting,
  t: number,
): { produced: number; consumed: number } {
  const wEl = carrierWeight(network, weighting, "electricity", t);
  let consumed = wEl * ((h.genAll[t] ?? 0) - (h.exportEl[t] ?? 0));
  for (const c of ["electricity", "heat", "cooling"] as const) {
    consumed += carrierWeight(network, weighting, c, t) * (h.importBy[c][t] ?? 0);
  }
  let generated = h.genByLocation.onSite[t] ?? 0;
  if (boundary !== "onSite") generated += h.genByLocation.functional[t] ?? 0;
  if (boundary === "virtual") generated += (h.genByLocation.virtual[t] ?? 0) + (h.offsite[t] ?? 0);
  // Recovered waste heat: used in the district (consumed) and, inside the boundary, produced there.
  const wHeat = carrierWeight(network, weighting, "heat", t);
  consumed += wHeat * (h.wasteAll[t] ?? 0);
  let recovered = h.wasteByLocation.onSite[t] ?? 0;
  if (boundary !== "onSite") recovered += h.wasteByLocation.functional[t] ?? 0;
  if (boundary === "virtual") recovered += h.wasteByLocation.virtual[t] ?? 0;
  return { produced: wEl * generated + wHeat * recovered, consumed };
}

function positivity(
  network: Network,
  h: HourlyTotals,
  boundary: PedBoundary,
  weighting: PedWeighting,
  months?: Uint8Array,
): { annual: PositivityFigures; monthly: (PositivityFigures & { month: number })[] } {
  const p = new Float64Array(13);
  const c = new Float64Array(13);
  for (let t = 0; t < h.genAll.length; t++) {
    const { produced, consumed } = positivityPerHour(network, h, boundary, weighting, t);
    const m = months ? (months[t] ?? 0) : 0;
    p[m] = (p[m] ?? 0) + produced;
    c[m] = (c[m] ?? 0) + consumed;
  }
  const fig = (pp: number, cc: number): PositivityFigures => ({
    ratio: ratio(pp, cc),
    producedKWh: pp,
    consumedKWh: cc,
    balanceKWh: pp - cc,
  });
  const monthly: (PositivityFigures & { month: number })[] = [];
  if (months) {
    for (let m = 1; m <= 12; m++) {
      if ((p[m] ?? 0) !== 0 || (c[m] ?? 0) !== 0) monthly.push({ month: m, ...fig(p[m] ?? 0, c[m] ?? 0) });
    }
  }
  return { annual: fig(sum(p), sum(c)), monthly };
}

interface GridBill {
  energy: number;
  network: number;
  taxes: number;
  peak: number;
  fixed: number;
  exportRevenue: number;
}

function gridBill(grid: NetworkGrid, result: SimulationResult, months: Uint8Array): GridBill {
  const imp = result.series[`${grid.id}:import`];
  const exp = result.series[`${grid.id}:export`];
  const tr = grid.tariff;
  const bill: GridBill = {
    energy: 0,
    network: 0,
    taxes: 0,
    peak: 0,
    fixed: tr.fixedEurPerYear,
    exportRevenue: 0,
  };
  const monthPeak = new Float64Array(13);
  for (let t = 0; t < result.hours; t++) {
    const i = imp?.[t] ?? 0;
    const x = exp?.[t] ?? 0;
    bill.energy += i * (tr.importEnergyEurPerKwh[t] ?? 0);
    bill.network += i * (tr.importNetworkEurPerKwh[t] ?? 0);
    bill.taxes += i * (tr.importTaxEurPerKwh[t] ?? 0);
    bill.exportRevenue += x * (tr.exportEurPerKwh[t] ?? 0);
    const m = months[t] ?? 0;
    if (i > (monthPeak[m] ?? 0)) monthPeak[m] = i;
  }
  bill.peak = sum(monthPeak) * tr.peakEurPerKwMonth;
  return bill;
}

const netBill = (b: GridBill): number => b.energy + b.network + b.taxes + b.peak + b.fixed - b.exportRevenue;

export function computeKpis(network: Network, result: SimulationResult, options: KpiOptions = {}): Kpis {
  const boundary = options.boundary ?? network.ped.boundary;
  const weighting = options.weighting ?? network.ped.weighting;
  const months = localMonths(network.timeline);
  const h = hourlyTotals(network, result);
  const n = result.hours;
  const s = result.series;

  const main = positivity(network, h, boundary, weighting, months);
  const matrix = {} as Record<PedBoundary, Record<PedWeighting, PositivityFigures>>;
  for (const b of ["onSite", "functional", "virtual"] as const) {
    matrix[b] = {} as Record<PedWeighting, PositivityFigures>;
    for (const w of ["delivered", "primaryEnergy", "co2"] as const)
      matrix[b][w] = positivity(network, h, b, w).annual;
  }

  // Energy totals.
  const demandKWh = zeroByCarrier();
  for (const l of network.loads) demandKWh[l.carrier] += sum(l.demandKwh);
  let evChargingKWh = 0;
  for (const f of network.flexibleLoads) evChargingKWh += sum(s[`${f.id}:flowIn`]);
  let converterElectricityKWh = 0;
  let heatPumpHeatKWh = 0;
  for (const c of network.converters) {
    converterElectricityKWh += sum(s[`${c.id}:flowIn`]);
    if (c.kind === "heatPump") heatPumpHeatKWh += sum(s[`${c.id}:flowOut`]);
  }
  let curtailedKWh = 0;
  for (const src of network.sources) curtailedKWh += sum(s[`${src.id}:curtailed`]);
  let wasteHeatRecoveredKWh = 0;
  for (const w of network.wasteHeat) wasteHeatRecoveredKWh += sum(s[`${w.id}:flowOut`]);
  const importKWh = {
    electricity: sum(h.importBy.electricity),
    heat: sum(h.importBy.heat),
    cooling: sum(h.importBy.cooling),
  };
  const exportKWh = { electricity: sum(h.exportEl), heat: 0, cooling: 0 };
  const unmetKWh = {
    electricity: sum(s["bus:electricity:unmet"]),
    heat: sum(s["bus:heat:unmet"]),
    cooling: sum(s["bus:cooling:unmet"]),
  };
  const generationKWh = sum(h.genAll);
  const selfUsed = generationKWh - exportKWh.electricity;

  // Peaks and hours of net export.
  const importKw = zeroByCarrier();
  let exportKw = 0;
  let hoursOfNetExport = 0;
  for (let t = 0; t < n; t++) {
    for (const c of ["electricity", "heat", "cooling"] as const)
      importKw[c] = Math.max(importKw[c], h.importBy[c][t] ?? 0);
    exportKw = Math.max(exportKw, h.exportEl[t] ?? 0);
    if ((h.exportEl[t] ?? 0) > (h.importBy.electricity[t] ?? 0) + 1e-9) hoursOfNetExport++;
  }

  // Seasonal balance in the chosen weighting.
  let winter = 0;
  let summer = 0;
  for (const m of main.monthly) {
    if (m.month >= 4 && m.month <= 9) summer += m.balanceKWh;
    else winter += m.balanceKWh;
  }

  // Carbon.
  const byCarrierKg = zeroByCarrier();
  let avoidedByExportKg = 0;
  let avoidedByOffsiteKg = 0;
  for (let t = 0; t < n; t++) {
    for (const c of ["electricity", "heat", "cooling"] as const) {
      byCarrierKg[c] += (h.importBy[c][t] ?? 0) * (network.factors.co2KgPerKwh[c][t] ?? 0);
    }
    const efEl = network.factors.co2KgPerKwh.electricity[t] ?? 0;
    avoidedByExportKg += (h.exportEl[t] ?? 0) * efEl;
    avoidedByOffsiteKg += (h.offsite[t] ?? 0) * efEl;
  }
  const emissionsKg = byCarrierKg.electricity + byCarrierKg.heat + byCarrierKg.cooling;

  // Costs.
  const r = network.discountRate;
  const assetCost = (
    costs: AssetCosts,
    outputKwh: number,
  ): { annualised: number; fixed: number; variable: number } => ({
    annualised: annualise(costs.investEur, r, costs.lifetimeYears),
    fixed: costs.fixedEurPerYear,
    variable: costs.variableEurPerKwh * outputKwh,
  });
  const ownerAssetCost = new Map<string, number>();
  const addOwner = (owner: string, v: number): void => {
    ownerAssetCost.set(owner, (ownerAssetCost.get(owner) ?? 0) + v);
  };
  let annualisedInvestmentEur = 0;
  let fixedUpkeepEur = 0;
  let variableEur = 0;
  let pvCost = 0;
  let heatAssetCost = 0;
  let electricAssetCost = 0;
  const account = (
    owner: string,
    costs: AssetCosts,
    output: number,
    carrier: "electricity" | "heat" | "pv",
  ): void => {
    const c = assetCost(costs, output);
    annualisedInvestmentEur += c.annualised;
    fixedUpkeepEur += c.fixed;
    variableEur += c.variable;
    const total = c.annualised + c.fixed + c.variable;
    addOwner(owner, total);
    if (carrier === "heat") heatAssetCost += total;
    else electricAssetCost += total;
    if (carrier === "pv") pvCost += total;
  };
  for (const src of network.sources) account(src.owner, src.costs, sum(s[`${src.id}:flowOut`]), "pv");
  for (const c of network.converters) account(c.owner, c.costs, sum(s[`${c.id}:flowOut`]), "heat");
  for (const st of network.storages) {
    account(st.owner, st.costs, sum(s[`${st.id}:flowOut`]), st.carrier === "heat" ? "heat" : "electricity");
  }
  for (const w of network.wasteHeat) account(w.owner, w.costs, sum(s[`${w.id}:flowOut`]), "heat");
  let offsiteContractsEur = 0;
  for (const o of network.offsite) {
    const c = assetCost(o.costs, sum(o.contractedKwh));
    const energy = o.priceEurPerKwh * sum(o.contractedKwh);
    offsiteContractsEur += energy + c.annualised + c.fixed + c.variable;
    electricAssetCost += energy + c.annualised + c.fixed + c.variable;
    addOwner(o.owner, energy + c.annualised + c.fixed + c.variable);
  }
  const bills = network.grids.map((g) => ({ g, bill: gridBill(g, result, months) }));
  const billOf = (carrier: Carrier): number =>
    bills.filter((b) => b.g.carrier === carrier).reduce((a, b) => a + netBill(b.bill), 0);
  const totals = bills.reduce(
    (a, { bill }) => ({
      energy: a.energy + bill.energy,
      network: a.network + bill.network,
      taxes: a.taxes + bill.taxes,
      peak: a.peak + bill.peak,
      fixed: a.fixed + bill.fixed,
      exportRevenue: a.exportRevenue + bill.exportRevenue,
    }),
    { energy: 0, network: 0, taxes: 0, peak: 0, fixed: 0, exportRevenue: 0 },
  );
  const totalEur =
    netBill(totals) + annualisedInvestmentEur + fixedUpkeepEur + variableEur + offsiteContractsEur;

  // Average cost and emission intensity per carrier of final use; heat carries the electricity its
  // converters use, so that costs and emissions allocated to the loads add up to the totals.
  const electricityUse = demandKWh.electricity + evChargingKWh + converterElectricityKWh;
  const elCostTotal = billOf("electricity") + electricAssetCost;
  const elEurPerKwh = ratio(elCostTotal, electricityUse);
  const heatDelivered = demandKWh.heat - unmetKWh.heat;
  const heatCostTotal = billOf("heat") + heatAssetCost + (elEurPerKwh ?? 0) * converterElectricityKWh;
  const heatEurPerKwh = ratio(heatCostTotal, heatDelivered);
  const coolEurPerKwh = ratio(billOf("cooling"), demandKWh.cooling - unmetKWh.cooling);
  const elKgPerKwh = ratio(byCarrierKg.electricity - avoidedByExportKg, electricityUse) ?? 0;
  const heatKgPerKwh = ratio(byCarrierKg.heat + elKgPerKwh * converterElectricityKWh, heatDelivered) ?? 0;
  const coolKgPerKwh = ratio(byCarrierKg.cooling, demandKWh.cooling - unmetKWh.cooling) ?? 0;
  const eurPerKwh = { electricity: elEurPerKwh ?? 0, heat: heatEurPerKwh ?? 0, cooling: coolEurPerKwh ?? 0 };
  const kgPerKwh = { electricity: elKgPerKwh, heat: heatKgPerKwh, cooling: coolKgPerKwh };

  const ownerEnergy = new Map<string, { cost: number; co2: number }>();
  let residentialCost = 0;
  let residentialCo2 = 0;
  let otherCost = 0;
  let otherCo2 = 0;
  const charge = (owner: string, residential: boolean, carrier: Carrier, kwh: number): void => {
    const cost = kwh * eurPerKwh[carrier];
    const co2 = kwh * kgPerKwh[carrier];
    const o = ownerEnergy.get(owner) ?? { cost: 0, co2: 0 };
    o.cost += cost;
    o.co2 += co2;
    ownerEnergy.set(owner, o);
    if (residential) {
      residentialCost += cost;
      residentialCo2 += co2;
    } else {
      otherCost += cost;
      otherCo2 += co2;
    }
  };
  const unmetShare = (c: Carrier): number => (demandKWh[c] > 0 ? 1 - unmetKWh[c] / demandKWh[c] : 1);
  for (const l of network.loads)
    charge(l.owner, l.residential, l.carrier, sum(l.demandKwh) * unmetShare(l.carrier));
  for (const f of network.flexibleLoads)
    charge(f.owner, f.residential, "electricity", sum(s[`${f.id}:flowIn`]));

  const ownerGrid = new Map<string, number>();
  for (const { g, bill } of bills) ownerGrid.set(g.owner, (ownerGrid.get(g.owner) ?? 0) + netBill(bill));

  const ids = new Set<string>(network.stakeholders.map((st) => st.id));
  for (const id of [...ownerEnergy.keys(), ...ownerAssetCost.keys(), ...ownerGrid.keys()]) ids.add(id);
  const names = new Map(network.stakeholders.map((st) => [st.id, st.name]));
  const perStakeholder: StakeholderFigures[] = [...ids].sort().map((id) => ({
    id,
    name: names.get(id) ?? id,
    energyCostEur: ownerEnergy.get(id)?.cost ?? 0,
    assetCostEur: ownerAssetCost.get(id) ?? 0,
    gridBillsEur: ownerGrid.get(id) ?? 0,
    co2Kg: ownerEnergy.get(id)?.co2 ?? 0,
  }));

  const { residents, jobs } = network.people;
  const reference =
    options.reference === false
      ? null
      : referenceComparison(network, totalEur, emissionsKg - avoidedByExportKg, boundary, weighting);

  return {
    energyPositivity: {
      ...main.annual,
      boundary,
      weighting,
      unit: UNIT[weighting],
      definition: `${BOUNDARY_TEXT[boundary]}; ${DEFINITION[weighting]}; ratio = produced / consumed, energy positive when >= 1`,
      monthly: main.monthly,
    },
    energyPositivityMatrix: matrix,
    selfSufficiency: ratio(selfUsed, selfUsed + importKWh.electricity),
    selfConsumption: ratio(selfUsed, generationKWh),
    energy: {
      demandKWh,
      evChargingKWh,
      converterElectricityKWh,
      generationKWh,
      curtailedKWh,
      importKWh,
      exportKWh,
      unmetKWh,
      offsiteContractedKWh: sum(h.offsite),
      wasteHeatRecoveredKWh,
      heatPumpHeatKWh,
    },
    peaks: { importKw, exportKw },
    hoursOfNetExport,
    seasonal: { winterBalanceKWh: winter, summerBalanceKWh: summer },
    co2: {
      emissionsKg,
      byCarrierKg,
      avoidedByExportKg,
      avoidedByOffsiteKg,
      netKg: emissionsKg - avoidedByExportKg,
      netWithOffsiteKg: emissionsKg - avoidedByExportKg - avoidedByOffsiteKg,
    },
    costs: {
      energyEur: totals.energy,
      networkFeesEur: totals.network,
      taxesEur: totals.taxes,
      peakChargesEur: totals.peak,
      fixedFeesEur: totals.fixed,
      exportRevenueEur: totals.exportRevenue,
      annualisedInvestmentEur,
      fixedUpkeepEur,
      variableEur,
      offsiteContractsEur,
      totalEur,
      electricityEurPerKwh: elEurPerKwh,
      heatEurPerKwh,
      pvEurPerKwh: ratio(pvCost, generationKWh),
    },
    perResident: {
      costEurPerMonth: residents > 0 ? (residentialCost * (1 + network.vatRate)) / residents / 12 : null,
      co2KgPerYear: residents > 0 ? residentialCo2 / residents : null,
    },
    perJob: {
      costEurPerMonth: jobs > 0 ? otherCost / jobs / 12 : null,
      co2KgPerYear: jobs > 0 ? otherCo2 / jobs : null,
    },
    perStakeholder,
    reference,
  };
}

/**
 * The conventional reference district (as in nPro and PED studies): the same buildings and chargers
 * (uncontrolled), all heat from district heating, all cooling from district cooling, all electricity from
 * the grid, no local generation, storage or heat pumps. Needs the network's grid connections for prices;
 * a carrier with demand but no connection gets an unlimited connection with the prices of the first
 * connection of that carrier, or none (then the reference is not computed).
 */
export function buildReferenceNetwork(network: Network): Network | null {
  const gridFor = (carrier: Carrier): NetworkGrid | undefined =>
    network.grids.find((g) => g.carrier === carrier);
  const grids: NetworkGrid[] = [];
  for (const carrier of ["electricity", "heat", "cooling"] as const) {
    const hasDemand =
      network.loads.some((l) => l.carrier === carrier && sum(l.demandKwh) > 0) ||
      (carrier === "electricity" && network.flexibleLoads.length > 0);
    const g = gridFor(carrier);
    if (!g) {
      if (hasDemand) return null;
      continue;
    }
    grids.push({ ...g, id: `reference:${g.id}`, importMaxKw: Number.POSITIVE_INFINITY, exportMaxKw: 0 });
  }
  return {
    ...network,
    loads: [
      ...network.loads,
      ...network.flexibleLoads.map((f) => ({
        id: f.id,
        owner: f.owner,
        carrier: "electricity" as const,
        use: "ev" as const,
        groupId: f.groupId,
        residential: f.residential,
        demandKwh: f.uncontrolledKwh,
      })),
    ],
    flexibleLoads: [],
    sources: [],
    wasteHeat: [],
    converters: [],
    storages: [],
    grids,
    offsite: [],
  };
}

function referenceComparison(
  network: Network,
  totalEur: number,
  co2NetKg: number,
  boundary: PedBoundary,
  weighting: PedWeighting,
): ReferenceComparison | null {
  const ref = buildReferenceNetwork(network);
  if (!ref) return null;
  const k = computeKpis(ref, simulate(ref), { boundary, weighting, reference: false });
  return {
    description:
      "same buildings; all heat from district heating, cooling from district cooling, electricity from the grid; no local generation or storage",
    totalCostEur: k.costs.totalEur,
    co2NetKg: k.co2.netKg,
    energyPositivity: {
      ratio: k.energyPositivity.ratio,
      producedKWh: k.energyPositivity.producedKWh,
      consumedKWh: k.energyPositivity.consumedKWh,
      balanceKWh: k.energyPositivity.balanceKWh,
    },
    savingsEur: k.costs.totalEur - totalEur,
    co2SavingsKg: k.co2.netKg - co2NetKg,
  };
}

/** Largest absolute bus residual (supply + unmet - demand) over all hours and buses, kWh. */
export function maxBalanceResidual(result: SimulationResult): number {
  let max = 0;
  for (const c of ["electricity", "heat", "cooling"] as const) {
    const r = result.series[`bus:${c}:residual`];
    if (r) for (const v of r) max = Math.max(max, Math.abs(v));
  }
  return max;
}
