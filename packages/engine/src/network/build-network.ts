import type { Asset, District, Issue, Result, SeriesSpec } from "@kera/schema";
import {
  buildingDemand,
  checkBuildingInput,
  type BuildingDemandInput,
} from "../buildings/building-demand.js";
import { USE_TYPES, type UseType } from "../buildings/use-types.js";
import { evChargingProfile } from "../ev/ev-charging.js";
import { heatPumpHourly } from "../heat-pump/cop.js";
import { heatPumpSourceTemperature } from "../heat-pump/source-temperature.js";
import { pvHourlyProduction } from "../pv/pv-hourly-production.js";
import { expandSeries, type SeriesInput } from "../series/expand-series.js";
import { localCalendar } from "../time/local-calendar.js";
import { createTimeline, type Timeline } from "../time/timeline.js";
import { alignWeatherToTimeline } from "../weather/typical-year.js";
import type { Weather } from "../weather/weather.js";
import { wasteHeatForAsset } from "./waste-heat-asset.js";
import { windAvailability } from "./wind-availability.js";
import type {
  AssetCosts,
  Carrier,
  Extendable,
  GridTariff,
  Network,
  NetworkConverter,
  NetworkFlexibleLoad,
  NetworkGrid,
  NetworkLoad,
  NetworkOffsiteContract,
  NetworkSource,
  NetworkStorage,
  NetworkTargets,
  NetworkWasteHeat,
} from "./network.js";

/**
 * Defaults the network builder applies where a model is silent. Each is cited in
 * docs/concepts/network.md; estimates are marked as such.
 */
export const NETWORK_DEFAULTS = {
  /** Economic lifetime when an asset gives none, years (estimate; PV and heat pumps last 20-30 a). */
  lifetimeYears: 25,
  /** Round-trip efficiency of batteries (estimate; Li-ion systems 0.85-0.95, e.g. NREL ATB 2023 uses 0.85). */
  batteryRoundTrip: 0.9,
  /** Round-trip efficiency of water tanks (estimate; well-insulated tanks lose little besides standing loss). */
  thermalRoundTrip: 0.95,
  /** Standing loss of batteries per hour (estimate; self-discharge ~2-3 %/month). */
  batteryStandingLossPerHour: 0.00004,
  /** Standing loss of hot-water tanks per hour (estimate; ~1 %/day for large tanks). */
  thermalStandingLossPerHour: 0.0004,
  /** Charge/discharge power per kWh of capacity when a storage gives none, 1/h (estimate: 4-hour store). */
  storagePowerPerEnergy: 0.25,
  /** Efficiency of an electric boiler (estimate: resistance/electrode boilers convert ~99 %). */
  electricBoilerEfficiency: 0.99,
  /**
   * Supply (sink) temperature of heat pumps, degC: 55 degC, the minimum for domestic hot water in Finnish
   * practice (Legionella; Ministry of the Environment decree 1047/2017 on water installations requires hot
   * water of at least 55 degC at the draw-off points) — conservative for space heating.
   */
  heatPumpSinkTempC: 55,
  /**
   * Full-load hours of contracted wind when the model gives none, h/a: 2,600 h = 30 % capacity factor, the
   * Finnish fleet of 2018–2019 (Finnish Energy / Energiateollisuus wind statistics). A conservative estimate:
   * newer fleets do better (VTT wind statistics: 33 % in 2019; Fingrid open data 2021: 2,980 h [D-fingrid],
   * the value the Kera model states), so give `fullLoadHours` for a contract when it is known.
   */
  windFullLoadHours: 2600,
  /**
   * Tilt of an off-site solar park without an availability series, degrees from horizontal (estimate: a fixed
   * ground-mounted park; flatter than the annual optimum of about 40° in southern Finland to limit row shading).
   */
  offsiteSolarTiltDeg: 30,
  /** Azimuth of that park, degrees clockwise from north (180 = due south, estimate). */
  offsiteSolarAzimuthDeg: 180,
} as const;

/** Everything the builder needs besides the model: weather and the contents of referenced CSV files. */
export interface BuildNetworkInput {
  readonly district: District;
  /** Weather (a typical year or a real one); it is aligned to the model's timeline. */
  readonly weather: Weather;
  /** Hourly series read from CSV files named in the model, keyed by `file` or `file#column`. */
  readonly csvSeries?: ReadonlyMap<string, Float64Array>;
  /**
   * Build-out year: only building groups completed and assets commissioned in or before it are included.
   * Default: the local year of the timeline's start.
   */
  readonly year?: number;
}

/** Demand of one building group as built, for reporting. */
export interface GroupSummary {
  readonly id: string;
  readonly useType: string;
  readonly heatedFloorAreaM2: number;
  readonly spaceHeatingKwh: number;
  readonly hotWaterKwh: number;
  readonly electricityKwh: number;
  readonly coolingKwh: number;
}

export interface BuiltNetwork {
  readonly network: Network;
  readonly year: number;
  readonly groups: readonly GroupSummary[];
  /** Warnings about defaults used and parts left out (e.g. assets not yet commissioned). */
  readonly warnings: readonly Issue[];
}

const CARRIER_PEF: Record<Carrier, "electricity" | "districtHeating" | "districtCooling"> = {
  electricity: "electricity",
  heat: "districtHeating",
  cooling: "districtCooling",
};

/** Dispatch order of heat pumps by source: recovered heat first, outdoor air last (docs/concepts/simulation.md). */
const HEAT_PUMP_PRIORITY: Record<string, number> = {
  wasteHeat: 0,
  sewage: 1,
  ground: 2,
  water: 3,
  exhaustAir: 4,
  air: 5,
};

const sumOf = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);

/**
 * Derives the energy network of a validated district: hourly demand of every building group from the
 * building physics, production and COP series from the weather, tariffs and factors as hourly series.
 * Semantic problems (a heat pump with no heat demand to serve, storage with nothing to charge it, a
 * reference to a missing CSV file) come back as issues with paths; nothing throws on bad input.
 */
export function buildNetwork(input: BuildNetworkInput): Result<BuiltNetwork> {
  const { district } = input;
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const warn = (code: string, path: string, message: string): void => {
    warnings.push({ code, severity: "warning", path, message });
  };
  const fail = (code: string, path: string, message: string): void => {
    issues.push({ code, severity: "error", path, message });
  };

  let timeline: Timeline;
  try {
    timeline = createTimeline({
      start: district.timeline.start,
      hours: district.timeline.hours,
      timeZone: district.site.timeZone,
    });
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          code: "invalid-timeline",
          severity: "error",
          path: "timeline",
          message: `timeline: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
  const calendar = localCalendar(timeline);
  const weather = alignWeatherToTimeline(input.weather, timeline);
  const year = input.year ?? calendar.year[0] ?? new Date(timeline.startUtcMs).getUTCFullYear();
  const n = timeline.hours;

  const series = (spec: SeriesSpec | undefined, path: string, fallback: number): Float64Array => {
    if (spec === undefined) return new Float64Array(n).fill(fallback);
    let s: SeriesInput;
    if (typeof spec === "object" && "csv" in spec) {
      const key = spec.column !== undefined ? `${spec.csv}#${spec.column}` : spec.csv;
      const values = input.csvSeries?.get(key);
      if (!values) {
        fail("missing-series-file", path, `${path}: the CSV series ${JSON.stringify(key)} was not loaded`);
        return new Float64Array(n).fill(fallback);
      }
      s = { hourly: values };
    } else {
      s = spec as SeriesInput;
    }
    const r = expandSeries(s, timeline, calendar, { path });
    if (!r.ok) {
      issues.push(...r.issues);
      return new Float64Array(n).fill(fallback);
    }
    return r.value;
  };

  const explicitSeries = (spec: SeriesSpec | undefined, path: string): Float64Array | undefined =>
    spec !== undefined ? series(spec, path, 0) : undefined;

  // --- Building groups.
  const loads: NetworkLoad[] = [];
  const groups: GroupSummary[] = [];
  const groupUse = new Map<string, string>();
  let residents = 0;
  let jobs = 0;
  const customTypes = new Map(district.useTypes.map((u) => [u.id, u]));
  district.buildingGroups.forEach((g, i) => {
    const path = `buildingGroups[${i}]`;
    groupUse.set(g.id, g.useType);
    if (g.yearCompleted > year) {
      warn(
        "not-yet-built",
        path,
        `${path} (${g.id}): completed in ${g.yearCompleted}, after ${year}; left out`,
      );
      return;
    }
    residents += g.residents ?? 0;
    jobs += g.jobs ?? 0;
    const custom = customTypes.get(g.useType);
    const useType = (custom ? custom.basedOn : g.useType) as UseType;
    if (!USE_TYPES.includes(useType)) {
      fail(
        "unknown-use-type",
        `${path}.useType`,
        `${path}.useType: unknown use type ${JSON.stringify(g.useType)}`,
      );
      return;
    }
    const perf = g.ePerformance as Record<string, number> | undefined;
    const specific = custom?.typicalDemands ?? (perf && !("eValue" in perf) ? perf : undefined);
    const explicit = g.demand;
    // Unheated buildings (parking) are sized by their gross floor area (lighting, ventilation).
    const areaM2 = g.heatedFloorArea > 0 ? g.heatedFloorArea : (g.grossFloorArea ?? 0);
    if (areaM2 <= 0) {
      warn("no-floor-area", path, `${path} (${g.id}): no heated or gross floor area; no demand computed`);
      return;
    }
    const buildingInput: BuildingDemandInput = {
      useType,
      heatedFloorAreaM2: areaM2,
      count: g.count,
      yearCompleted: g.yearCompleted,
      residents: g.residents,
      eValue: perf && "eValue" in perf ? perf.eValue : undefined,
      specificDemands: specific,
      demand: explicit
        ? {
            spaceHeatingKwh: explicitSeries(explicit.spaceHeating, `${path}.demand.spaceHeating`),
            hotWaterKwh: explicitSeries(explicit.hotWater, `${path}.demand.hotWater`),
            electricityKwh: explicitSeries(explicit.electricity, `${path}.demand.electricity`),
            coolingKwh: explicitSeries(explicit.cooling, `${path}.demand.cooling`),
          }
        : undefined,
      weather,
      timeline,
      calendar,
      site: { latitude: district.site.latitude, longitude: district.site.longitude },
    };
    const inputIssues = checkBuildingInput(buildingInput);
    if (inputIssues.length > 0) {
      for (const is of inputIssues)
        issues.push({ ...is, path: `${path}.${is.path}`, message: `${path}: ${is.message}` });
      return;
    }
    const demand = buildingDemand(buildingInput);
    for (const w of demand.diagnostics.warnings)
      warnings.push({ ...w, path: `${path}${w.path ? `.${w.path}` : ""}` });
    const residential = useType === "apartmentBlock";
    const push = (use: NetworkLoad["use"], carrier: Carrier, values: Float64Array): void => {
      if (sumOf(values) <= 0) return;
      loads.push({
        id: `${g.id}:${use}`,
        owner: g.owner,
        carrier,
        use,
        groupId: g.id,
        residential,
        demandKwh: values,
      });
    };
    push("spaceHeating", "heat", demand.spaceHeatingKwh);
    push("hotWater", "heat", demand.hotWaterKwh);
    push("electricity", "electricity", demand.electricityKwh);
    push("cooling", "cooling", demand.coolingKwh);
    groups.push({
      id: g.id,
      useType: g.useType,
      heatedFloorAreaM2: g.heatedFloorArea,
      spaceHeatingKwh: sumOf(demand.spaceHeatingKwh),
      hotWaterKwh: sumOf(demand.hotWaterKwh),
      electricityKwh: sumOf(demand.electricityKwh),
      coolingKwh: sumOf(demand.coolingKwh),
    });
  });

  // --- Assets.
  const sources: NetworkSource[] = [];
  const converters: NetworkConverter[] = [];
  const storages: NetworkStorage[] = [];
  const grids: NetworkGrid[] = [];
  const offsite: NetworkOffsiteContract[] = [];
  const flexibleLoads: NetworkFlexibleLoad[] = [];
  const wasteHeat: NetworkWasteHeat[] = [];
  const wasteHeatTemps = new Map<string, Float64Array>();
  const dr = district.finance.discountRate;

  const capacityOf = (a: Asset, path: string): number => {
    if (a.capacity !== undefined) return a.capacity;
    if (a.extendable) return a.capacityMin ?? 0;
    fail("missing-capacity", `${path}.capacity`, `${path}.capacity: required unless the asset is extendable`);
    return 0;
  };
  const costsOf = (a: Asset, capacity: number): AssetCosts => ({
    investEur: (a.costInvest ?? 0) * capacity,
    fixedEurPerYear: (a.costFixed ?? 0) * capacity,
    variableEurPerKwh: a.costVariable ?? 0,
    lifetimeYears: a.lifetime ?? NETWORK_DEFAULTS.lifetimeYears,
  });
  const extendableOf = (a: Asset): Extendable | undefined =>
    a.extendable
      ? {
          capacityMin: a.capacityMin ?? 0,
          capacityMax: a.capacityMax ?? Number.POSITIVE_INFINITY,
          investEurPerUnit: a.costInvest ?? 0,
          fixedEurPerUnitYear: a.costFixed ?? 0,
          lifetimeYears: a.lifetime ?? NETWORK_DEFAULTS.lifetimeYears,
        }
      : undefined;

  const prices = district.prices;
  const tariffOf = (carrier: Carrier, path: string): GridTariff => {
    const t =
      carrier === "electricity"
        ? prices.electricity
        : carrier === "heat"
          ? prices.districtHeating
          : prices.districtCooling;
    if (!t)
      warn(
        "missing-tariff",
        path,
        `${path}: no prices.${CARRIER_PEF[carrier]} tariff; imports are priced at 0`,
      );
    const tax = t && "tax" in t ? (t.tax as SeriesSpec | undefined) : undefined;
    const exp = t && "export" in t ? (t.export as SeriesSpec | undefined) : undefined;
    return {
      importEnergyEurPerKwh: series(t?.energy, `prices.${CARRIER_PEF[carrier]}.energy`, 0),
      importNetworkEurPerKwh: series(t?.networkFee, `prices.${CARRIER_PEF[carrier]}.networkFee`, 0),
      importTaxEurPerKwh: series(tax, `prices.${CARRIER_PEF[carrier]}.tax`, 0),
      exportEurPerKwh: series(exp, `prices.${CARRIER_PEF[carrier]}.export`, 0),
      peakEurPerKwMonth: t?.powerFee ?? 0,
      fixedEurPerYear: (t?.fixedMonthly ?? 0) * 12,
    };
  };

  // Waste-heat sources first: heat pumps refer to them.
  district.assets.forEach((a, i) => {
    if (a.kind !== "wasteHeatSource") return;
    const path = `assets[${i}]`;
    if ((a.yearCommissioned ?? 0) > year) return;
    const capacity = capacityOf(a, path);
    const availability =
      a.availability !== undefined ? series(a.availability, `${path}.availability`, 0) : undefined;
    const temperature =
      a.temperature !== undefined ? series(a.temperature, `${path}.temperature`, 20) : undefined;
    const r = wasteHeatForAsset({
      kind: a.source,
      capacityKw: capacity,
      annualEnergyKwh: a.annualEnergy,
      availability,
      temperatureC: temperature,
      timeline,
    });
    if (!r.ok) {
      for (const is of r.issues)
        issues.push({ ...is, path: `${path}.${is.path}`, message: `${path}: ${is.message}` });
      return;
    }
    const w = r.value;
    wasteHeatTemps.set(a.id, w.temperatureC);
    wasteHeat.push({
      id: a.id,
      owner: a.owner,
      location: a.location !== undefined ? "onSite" : "functional",
      availableKwh: w.heatKwh,
      temperatureC: w.temperatureC,
      costs: costsOf(a, capacity),
    });
  });

  district.assets.forEach((a, i) => {
    const path = `assets[${i}]`;
    if ((a.yearCommissioned ?? 0) > year) {
      warn(
        "not-yet-commissioned",
        path,
        `${path} (${a.id}): commissioned in ${a.yearCommissioned}, after ${year}; left out`,
      );
      return;
    }
    switch (a.kind) {
      case "wasteHeatSource":
        return;
      case "pv": {
        const capacity = capacityOf(a, path);
        const perUnit =
          a.availability !== undefined
            ? series(a.availability, `${path}.availability`, 0)
            : pvHourlyProduction({
                weather,
                site: {
                  latitude: district.site.latitude,
                  longitude: district.site.longitude,
                  altitude: district.site.altitude,
                },
                arrays: [{ tiltDeg: a.tilt, azimuthDeg: a.azimuth, capacityKwp: 1, losses: a.lossFraction }],
              });
        sources.push({
          id: a.id,
          owner: a.owner,
          kind: "pv",
          carrier: "electricity",
          location: "onSite",
          capacityKw: capacity,
          availableKwh: perUnit.map((v) => v * capacity),
          availabilityPerUnit: perUnit,
          costs: costsOf(a, capacity),
          extendable: extendableOf(a),
        });
        return;
      }
      case "heatPump": {
        const capacity = capacityOf(a, path);
        let cop: Float64Array;
        if (a.cop !== undefined) {
          cop = series(a.cop, `${path}.cop`, 3);
        } else {
          const wasteTemp =
            a.wasteHeatSource !== undefined ? wasteHeatTemps.get(a.wasteHeatSource) : undefined;
          const sourceTemp =
            a.sourceTemperature !== undefined
              ? { ok: true as const, value: series(a.sourceTemperature, `${path}.sourceTemperature`, 10) }
              : heatPumpSourceTemperature({
                  source: a.source,
                  airTempC: weather.temperatureC,
                  wasteHeatTempC: wasteTemp ?? (a.source === "wasteHeat" ? 25 : undefined),
                });
          if (!sourceTemp.ok) {
            for (const is of sourceTemp.issues) issues.push({ ...is, path: `${path}.${is.path}` });
            return;
          }
          const sink = series(
            a.supplyTemperature,
            `${path}.supplyTemperature`,
            NETWORK_DEFAULTS.heatPumpSinkTempC,
          );
          cop = heatPumpHourly({
            sourceTempC: sourceTemp.value,
            sinkTempC: sink,
            source: a.source,
            model: a.carnotEfficiency !== undefined ? "carnot" : "when2heat",
            carnotEfficiency: a.carnotEfficiency,
          });
        }
        if (a.source === "wasteHeat" && a.wasteHeatSource === undefined) {
          fail(
            "missing-waste-heat-source",
            `${path}.wasteHeatSource`,
            `${path}.wasteHeatSource: a waste-heat heat pump must name its wasteHeatSource asset`,
          );
        }
        if (a.wasteHeatSource !== undefined && !wasteHeat.some((w) => w.id === a.wasteHeatSource)) {
          fail(
            "unknown-waste-heat-source",
            `${path}.wasteHeatSource`,
            `${path}.wasteHeatSource: no commissioned wasteHeatSource ${JSON.stringify(a.wasteHeatSource)}`,
          );
        }
        converters.push({
          id: a.id,
          owner: a.owner,
          kind: "heatPump",
          capacityKw: capacity,
          efficiency: cop,
          sourceId: a.wasteHeatSource,
          priority: HEAT_PUMP_PRIORITY[a.source] ?? 5,
          location: "onSite",
          costs: costsOf(a, capacity),
          extendable: extendableOf(a),
        });
        return;
      }
      case "electricBoiler": {
        const capacity = capacityOf(a, path);
        converters.push({
          id: a.id,
          owner: a.owner,
          kind: "electricBoiler",
          capacityKw: capacity,
          efficiency: new Float64Array(n).fill(a.efficiency ?? NETWORK_DEFAULTS.electricBoilerEfficiency),
          priority: 9,
          location: "onSite",
          costs: costsOf(a, capacity),
          extendable: extendableOf(a),
        });
        return;
      }
      case "thermalStorage":
      case "battery": {
        if (a.kind === "thermalStorage" && a.medium === "cold") {
          warn(
            "unsupported-cold-storage",
            path,
            `${path} (${a.id}): cold storage is not modelled yet; left out`,
          );
          return;
        }
        const capacity = capacityOf(a, path);
        const isBattery = a.kind === "battery";
        const roundTrip =
          a.efficiency ?? (isBattery ? NETWORK_DEFAULTS.batteryRoundTrip : NETWORK_DEFAULTS.thermalRoundTrip);
        const oneWay = Math.sqrt(roundTrip);
        const span = Math.max(0, a.stateOfChargeMax - a.stateOfChargeMin);
        const usable = capacity * span;
        let power = a.powerCapacity;
        if (power === undefined) {
          power = capacity * NETWORK_DEFAULTS.storagePowerPerEnergy;
          warn(
            "default-storage-power",
            `${path}.powerCapacity`,
            `${path}.powerCapacity: not given; using ${power} kW (capacity / 4 h, estimate)`,
          );
        }
        const ext = extendableOf(a);
        if (ext && usable <= 0 && a.powerCapacity !== undefined) {
          warn(
            "storage-power-scaled",
            `${path}.powerCapacity`,
            `${path}.powerCapacity: not used while the capacity is sized from 0 kWh; power scales with the sized capacity at ${NETWORK_DEFAULTS.storagePowerPerEnergy} kW per kWh (capacity / 4 h, estimate)`,
          );
        }
        storages.push({
          id: a.id,
          owner: a.owner,
          kind: a.kind,
          carrier: isBattery ? "electricity" : "heat",
          capacityKwh: usable,
          maxChargeKw: power,
          maxDischargeKw: power,
          // Power scales with the sized capacity: the given power per usable kWh, or the default power per
          // nominal kWh (storagePowerPerEnergy) per usable kWh when there is no capacity yet.
          powerPerKwh:
            usable > 0 ? power / usable : span > 0 ? NETWORK_DEFAULTS.storagePowerPerEnergy / span : 0,
          efficiencyCharge: oneWay,
          efficiencyDischarge: oneWay,
          standingLossPerHour:
            a.standingLoss ??
            (isBattery
              ? NETWORK_DEFAULTS.batteryStandingLossPerHour
              : NETWORK_DEFAULTS.thermalStandingLossPerHour),
          initialSoc:
            span > 0 ? Math.min(1, Math.max(0, (a.stateOfChargeInitial - a.stateOfChargeMin) / span)) : 0,
          costs: costsOf(a, capacity),
          extendable: ext
            ? { ...ext, capacityMin: ext.capacityMin * span, capacityMax: ext.capacityMax * span }
            : undefined,
        });
        return;
      }
      case "evCharging": {
        const capacity = capacityOf(a, path);
        const residential = groupUse.get(a.location ?? "") === "apartmentBlock";
        if (a.demand !== undefined) {
          loads.push({
            id: a.id,
            owner: a.owner,
            carrier: "electricity",
            use: "ev",
            groupId: a.location ?? a.id,
            residential,
            demandKwh: series(a.demand, `${path}.demand`, 0),
          });
          return;
        }
        // Without annualDemand, each charge point serves one car with the EV model's cited defaults (EV_DEFAULTS).
        const profile = evChargingProfile({
          timeline,
          calendar,
          cars: a.chargePoints,
          annualDemandKwh: a.annualDemand,
          chargerKw: capacity > 0 ? capacity / a.chargePoints : undefined,
          pattern: residential ? "overnight" : undefined,
        });
        if (!profile.ok) {
          for (const is of profile.issues)
            issues.push({ ...is, path: `${path}${is.path ? `.${is.path}` : ""}` });
          return;
        }
        if (a.smart) {
          flexibleLoads.push({
            id: a.id,
            owner: a.owner,
            carrier: "electricity",
            use: "ev",
            groupId: a.location ?? a.id,
            residential,
            minCumulativeKwh: profile.value.envelope.minCumulativeKwh,
            maxCumulativeKwh: profile.value.envelope.maxCumulativeKwh,
            maxPowerKw: profile.value.envelope.maxPowerKw,
            uncontrolledKwh: profile.value.uncontrolledKwh,
          });
        } else {
          loads.push({
            id: a.id,
            owner: a.owner,
            carrier: "electricity",
            use: "ev",
            groupId: a.location ?? a.id,
            residential,
            demandKwh: profile.value.uncontrolledKwh,
          });
        }
        return;
      }
      case "gridConnection":
      case "districtHeating":
      case "districtCooling": {
        const carrier: Carrier =
          a.kind === "gridConnection" ? "electricity" : a.kind === "districtHeating" ? "heat" : "cooling";
        const exportMax =
          a.kind === "gridConnection"
            ? (a.exportCapacity ?? a.capacity ?? Number.POSITIVE_INFINITY)
            : a.kind === "districtHeating"
              ? a.exportCapacity
              : 0;
        grids.push({
          id: a.id,
          owner: a.owner,
          kind: a.kind,
          carrier,
          importMaxKw: a.capacity ?? Number.POSITIVE_INFINITY,
          exportMaxKw: exportMax,
          tariff: tariffOf(carrier, path),
        });
        return;
      }
      case "offsiteRenewable": {
        const capacity = capacityOf(a, path);
        let perUnit: Float64Array;
        if (a.availability !== undefined) {
          perUnit = series(a.availability, `${path}.availability`, 0);
        } else if (a.technology === "solar") {
          perUnit = pvHourlyProduction({
            weather,
            site: { latitude: district.site.latitude, longitude: district.site.longitude },
            arrays: [
              {
                tiltDeg: NETWORK_DEFAULTS.offsiteSolarTiltDeg,
                azimuthDeg: NETWORK_DEFAULTS.offsiteSolarAzimuthDeg,
                capacityKwp: 1,
              },
            ],
          });
        } else {
          perUnit = windAvailability(
            weather.windSpeedMs,
            a.fullLoadHours ?? NETWORK_DEFAULTS.windFullLoadHours,
          );
        }
        if (a.fullLoadHours !== undefined && a.availability === undefined && a.technology === "solar") {
          const total = sumOf(perUnit) * (8760 / n);
          if (total > 0) perUnit = perUnit.map((v) => (v * a.fullLoadHours!) / total);
        }
        offsite.push({
          id: a.id,
          owner: a.owner,
          carrier: "electricity",
          contractedKwh: perUnit.map((v) => v * capacity),
          availabilityPerUnit: perUnit,
          capacityKw: capacity,
          priceEurPerKwh: a.costVariable ?? 0,
          costs: { ...costsOf(a, capacity), variableEurPerKwh: 0 },
          extendable: extendableOf(a),
        });
        return;
      }
    }
  });

  // --- Semantic checks.
  const heatDemand = loads.some((l) => l.carrier === "heat");
  const coolingDemand = loads.some((l) => l.carrier === "cooling");
  const elDemand = loads.some((l) => l.carrier === "electricity") || flexibleLoads.length > 0;
  district.assets.forEach((a, i) => {
    const path = `assets[${i}]`;
    if ((a.kind === "heatPump" || a.kind === "electricBoiler") && !heatDemand) {
      warn(
        "no-heat-sink",
        path,
        `${path} (${a.id}): no building in the model needs heat, so it will never run`,
      );
    }
    if (
      a.kind === "thermalStorage" &&
      a.medium !== "cold" &&
      !converters.length &&
      !grids.some((g) => g.carrier === "heat")
    ) {
      warn("storage-without-charger", path, `${path} (${a.id}): nothing can charge this heat storage`);
    }
  });
  if (elDemand && !grids.some((g) => g.carrier === "electricity")) {
    warn(
      "no-grid-connection",
      "assets",
      "assets: electricity is used but there is no gridConnection; demand not met locally is unmet",
    );
  }
  if (heatDemand && !grids.some((g) => g.carrier === "heat") && !converters.length) {
    warn(
      "no-heat-supply",
      "assets",
      "assets: buildings need heat but there is no districtHeating, heat pump or boiler",
    );
  }
  if (coolingDemand && !grids.some((g) => g.carrier === "cooling")) {
    warn(
      "no-cooling-supply",
      "assets",
      "assets: buildings need cooling but there is no districtCooling connection",
    );
  }

  // --- Factors.
  const ef = district.emissionFactors;
  const efFor = (spec: SeriesSpec | undefined, path: string, carrier: string): Float64Array => {
    if (spec === undefined)
      warn("missing-emission-factor", path, `${path}: no emission factor for ${carrier}; counted as 0`);
    return series(spec, path, 0);
  };
  const gridEf = (kind: string): SeriesSpec | undefined => {
    const a = district.assets.find((x) => x.kind === kind) as { emissionFactor?: SeriesSpec } | undefined;
    return a?.emissionFactor;
  };
  const pef = district.primaryEnergyFactors;
  const target = [...district.targets].filter((t) => t.year <= year).sort((a, b) => b.year - a.year)[0];
  const targets: NetworkTargets = {
    energyPositivityRatioMin: target?.energyPositivityRatio,
    co2MaxKgPerYear: target?.co2Max,
    budgetEur: target?.budget,
  };

  if (issues.length > 0) return { ok: false, issues };
  const network: Network = {
    timeline,
    loads,
    flexibleLoads,
    sources,
    wasteHeat,
    converters,
    storages,
    grids,
    offsite,
    factors: {
      primaryEnergy: {
        electricity: pef.electricity,
        heat: pef.districtHeating,
        cooling: pef.districtCooling,
      },
      co2KgPerKwh: {
        electricity: efFor(
          gridEf("gridConnection") ?? ef.electricity,
          "emissionFactors.electricity",
          "electricity",
        ),
        heat: efFor(
          gridEf("districtHeating") ?? ef.districtHeating,
          "emissionFactors.districtHeating",
          "district heat",
        ),
        cooling: efFor(
          gridEf("districtCooling") ?? ef.districtCooling,
          "emissionFactors.districtCooling",
          "district cooling",
        ),
      },
    },
    ped: { boundary: district.ped.boundary, weighting: district.ped.weighting },
    people: { residents, jobs },
    stakeholders: district.stakeholders.map((s) => ({ id: s.id, name: s.name })),
    discountRate: dr,
    vatRate: prices.vatRate,
    co2PriceEurPerKg: 0,
    targets,
  };
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { network, year, groups, warnings } };
}
