import type { Issue } from "@kera/schema";
import { EngineError } from "../errors.js";
import { expandSeries, type SeriesInput } from "../series/expand-series.js";
import type { SchoolHolidayOptions } from "../time/finnish-holidays.js";
import { localCalendar, type LocalCalendar } from "../time/local-calendar.js";
import { createTimeline, type Timeline } from "../time/timeline.js";
import { isValidTimeZone } from "../time/zone-offset.js";
import type { Weather } from "../weather/weather.js";
import { constructionPeriodOf, type ConstructionPeriod } from "./construction-periods.js";
import { facadeIrradiance, type BuildingSite } from "./facade-irradiance.js";
import {
  createRc5r1cState,
  rc5r1cNetwork,
  rc5r1cResiduals,
  stepRc5r1c,
  type Rc5r1cHourInput,
} from "./rc-5r1c.js";
import {
  CAPACITY_CLASSES,
  DEFAULT_M2_PER_RESIDENT,
  DHW_CIRCULATION_LOSS_FRACTION,
  DHW_KWH_PER_M3,
  SENSIBLE_HEAT_PER_PERSON_W,
  USE_TYPE_PROFILES,
  USE_TYPES,
  type SpecificDemands,
  type UseType,
  type UseTypeProfile,
} from "./use-types.js";

/** Volumetric heat capacity of air, J/(m3 K) (ISO 13790 §9.3: ρa·ca = 1200 J/(m3 K)). */
export const AIR_HEAT_CAPACITY_J_PER_M3K = 1200;
/** Supply-air set-point of air-handling units, degC (estimate: Finnish practice 16–18 degC). */
export const SUPPLY_AIR_SETPOINT_C = 17;
/** Supply-air temperature when the cooling coil runs, degC (estimate: 16 degC is common with chilled beams). */
export const COOLING_SUPPLY_AIR_C = 16;
/** Humidity ratio leaving a wet cooling coil, kg/kg (saturation at about 13 degC; estimate). */
export const COIL_SATURATION_HUMIDITY_RATIO = 0.0093;
/** Density of air, kg/m3, and latent heat of vaporisation of water, J/kg (standard values). */
export const AIR_DENSITY_KG_PER_M3 = 1.2;
export const LATENT_HEAT_J_PER_KG = 2_450_000;

/**
 * Humidity ratio (kg water / kg dry air) from temperature and relative humidity at sea-level pressure,
 * with the Magnus saturation formula (Alduchov & Eskridge 1996: 610.94·exp(17.625 T / (T + 243.04)) Pa).
 */
export function humidityRatio(temperatureC: number, relativeHumidityPct: number): number {
  const ps = 610.94 * Math.exp((17.625 * temperatureC) / (temperatureC + 243.04));
  const pv = (Math.min(100, Math.max(0, relativeHumidityPct)) / 100) * ps;
  return (0.622 * pv) / (101_325 - pv);
}

/** Total solar energy transmittance of glazing g (estimate: triple low-e glazing 0.45–0.55). */
export const GLAZING_G = 0.5;
/** Glazed fraction of the window area, 1 − F_F (ISO 13790 §11.4.5 default frame fraction 0.3). */
export const GLAZED_FRACTION = 0.7;
/** Correction for non-scattering glazing F_w (ISO 13790 §11.4.2: 0.9). */
export const NON_SCATTERING_FACTOR = 0.9;
/** External obstruction (neighbouring buildings) shading factor F_sh,ob for a dense district (estimate). */
export const OBSTRUCTION_FACTOR = 0.8;
/** Facade irradiance above which movable shading is closed, W/m2 (ISO 13790 §11.4.3 uses 300 W/m2). */
export const SHADING_THRESHOLD_WM2 = 300;
/**
 * Design outdoor temperature for heating-capacity sizing, degC: −26 degC for Vantaa/Espoo (climate zone I),
 * Finnish code D3/2012 / D5 (estimate: value as commonly quoted; not read from the stored sources).
 */
export const DESIGN_OUTDOOR_C = -26;
/** Oversizing of the room heating capacity over the design heat loss (estimate, typical 1.2–1.3). */
export const HEATING_OVERSIZE = 1.25;
/** Room cooling capacity, W per m2 floor (estimate: chilled beams 40–60 W/m2). */
export const COOLING_CAPACITY_W_PER_M2 = 50;

/** Ground floor heat loss reduction factor relative to outdoor air (estimate; ground is warmer in winter). */
export const GROUND_FACTOR = 0.5;

/**
 * Explicit hourly demand series (kWh per hour for the whole group) that replace the physics: a series spec,
 * or a plain array / Float64Array of one value per timeline hour. `undefined` keeps the model's value.
 */
export interface ExplicitDemand {
  readonly spaceHeatingKwh?: SeriesInput | ArrayLike<number> | undefined;
  readonly hotWaterKwh?: SeriesInput | ArrayLike<number> | undefined;
  readonly electricityKwh?: SeriesInput | ArrayLike<number> | undefined;
  readonly coolingKwh?: SeriesInput | ArrayLike<number> | undefined;
}

/** Input of `buildingDemand`. Areas and residents are for the whole group of identical buildings. */
export interface BuildingDemandInput {
  readonly useType: UseType;
  /** Heated net floor area of the whole group, m2. */
  readonly heatedFloorAreaM2: number;
  /** Number of identical buildings in the group (default 1); the model is linear in area. */
  readonly count?: number;
  readonly yearCompleted: number;
  /** Residents of the group (apartments; default area / 40 m2). */
  readonly residents?: number;
  /** Target Finnish E-value, kWh_E/(m2 a): scales space heating and cooling (see docs). */
  readonly eValue?: number;
  /** Target annual specific demands: each given one scales its physics/schedule series to match. */
  readonly specificDemands?: Partial<SpecificDemands>;
  /** Explicit series override physics and targets, carrier by carrier. */
  readonly demand?: ExplicitDemand;
  readonly weather: Weather;
  readonly timeline: Timeline;
  readonly calendar?: LocalCalendar;
  readonly site: BuildingSite;
  /** Expert overrides of the use-type defaults. */
  readonly parameters?: Partial<Omit<UseTypeProfile, "id" | "schedule" | "holidayRule" | "reference">>;
}

/** Weighting factors for the E-value (decree 788/2017: electricity 1.2, district heat 0.5, district cooling 0.28). */
export interface CarrierFactors {
  readonly heat: number;
  readonly electricity: number;
  readonly cooling: number;
}
export const DEFAULT_CARRIER_FACTORS: CarrierFactors = { heat: 0.5, electricity: 1.2, cooling: 0.28 };

export interface BuildingDemandOptions {
  /** Carrier factors used when `eValue` is given. */
  readonly carrierFactors?: CarrierFactors;
  /** Return hourly indoor air temperature in diagnostics. */
  readonly includeTemperatures?: boolean;
  /** Warm-up hours run before the first hour to initialise the mass temperature (default 168). */
  readonly warmupHours?: number;
  readonly schoolHolidays?: SchoolHolidayOptions;
}

/** How each carrier's series was produced. */
export type DemandSource =
  "physics" | "schedule" | "scaledToSpecific" | "scaledToEValue" | "explicit" | "none";

export interface AnnualSummary {
  /** Hours summed (totals below are over the timeline, not annualised). */
  readonly hours: number;
  readonly spaceHeatingKwh: number;
  readonly hotWaterKwh: number;
  readonly electricityKwh: number;
  readonly coolingKwh: number;
  /** Totals per m2 heated area, annualised by 8760 / hours. */
  readonly perM2PerYear: SpecificDemands;
  readonly peakHeatingKw: number;
  readonly peakCoolingKw: number;
  readonly peakElectricityKw: number;
  /** Finnish E-value with the default carrier factors (heat as district heat), kWh_E/(m2 a). */
  readonly eValue: number;
}

export interface BuildingDemandDiagnostics {
  readonly warnings: Issue[];
  readonly sources: {
    readonly spaceHeating: DemandSource;
    readonly hotWater: DemandSource;
    readonly electricity: DemandSource;
    readonly cooling: DemandSource;
  };
  readonly constructionPeriod: ConstructionPeriod;
  readonly profile: UseTypeProfile;
  /** Conductances of the whole group, W/K. */
  readonly heatLossWPerK: {
    readonly transmission: number;
    readonly infiltration: number;
    readonly ventilationMax: number;
  };
  /** Largest absolute heat-balance residual of any 5R1C node in any hour, W (rounding only). */
  readonly maxNodeResidualW: number;
  readonly residents: number;
  readonly perBuildingAreaM2: number;
  readonly indoorAirC?: Float64Array;
}

/** Hourly demand of a building group, kWh per hour (= mean kW), and how it was obtained. */
export interface BuildingDemand {
  readonly spaceHeatingKwh: Float64Array;
  readonly hotWaterKwh: Float64Array;
  readonly electricityKwh: Float64Array;
  readonly coolingKwh: Float64Array;
  readonly annualSummary: AnnualSummary;
  readonly diagnostics: BuildingDemandDiagnostics;
}

function err(code: string, path: string, message: string): Issue {
  return { code, severity: "error", path, message };
}

/** Validation of the input (every problem; empty when valid). */
export function checkBuildingInput(input: BuildingDemandInput): Issue[] {
  const issues: Issue[] = [];
  if (!USE_TYPES.includes(input.useType)) {
    issues.push(err("unknown-use-type", "useType", `useType: unknown ${JSON.stringify(input.useType)}`));
  }
  const positive = (v: unknown, path: string, unit: string, allowZero = false): void => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) {
      issues.push(
        err("out-of-range", path, `${path}: must be ${allowZero ? ">= 0" : "> 0"} ${unit}, got ${String(v)}`),
      );
    }
  };
  positive(input.heatedFloorAreaM2, "heatedFloorAreaM2", "m2");
  if (input.count !== undefined && !(Number.isInteger(input.count) && input.count >= 1)) {
    issues.push(
      err("out-of-range", "count", `count: must be a whole number >= 1, got ${String(input.count)}`),
    );
  }
  if (!(Number.isInteger(input.yearCompleted) && input.yearCompleted > 1000 && input.yearCompleted < 3000)) {
    issues.push(
      err(
        "out-of-range",
        "yearCompleted",
        `yearCompleted: must be a year, got ${String(input.yearCompleted)}`,
      ),
    );
  }
  if (input.residents !== undefined) positive(input.residents, "residents", "persons", true);
  if (input.eValue !== undefined) positive(input.eValue, "eValue", "kWh/(m2 a)", true);
  for (const [k, v] of Object.entries(input.specificDemands ?? {})) {
    if (v !== undefined) positive(v, `specificDemands.${k}`, "kWh/(m2 a)", true);
  }
  const { timeline, weather, site } = input;
  if (
    !timeline ||
    !(Number.isInteger(timeline.hours) && timeline.hours > 0) ||
    !isValidTimeZone(timeline.timeZone)
  ) {
    issues.push(
      err("invalid-timeline", "timeline", "timeline: needs whole positive hours and a valid time zone"),
    );
  } else if (!weather || weather.temperatureC?.length !== timeline.hours) {
    issues.push(
      err(
        "weather-length",
        "weather",
        `weather: needs ${timeline.hours} hourly values (align it to the timeline first), got ${String(weather?.temperatureC?.length)}`,
      ),
    );
  } else {
    for (const key of ["temperatureC", "ghiWm2", "dhiWm2", "dniWm2"] as const) {
      const a = weather[key];
      if (a?.length !== timeline.hours) {
        issues.push(
          err("weather-length", `weather.${key}`, `weather.${key}: needs ${timeline.hours} values`),
        );
        continue;
      }
      for (let i = 0; i < a.length; i++) {
        if (!Number.isFinite(a[i])) {
          issues.push(err("not-finite", `weather.${key}[${i}]`, `weather.${key}[${i}]: not a finite number`));
          break;
        }
      }
    }
  }
  if (
    !site ||
    !(Math.abs(site.latitude) <= 90 && Math.abs(site.longitude) <= 180) ||
    !Number.isFinite(site.latitude + site.longitude)
  ) {
    issues.push(
      err("out-of-range", "site", "site: latitude must be within ±90 and longitude within ±180 degrees"),
    );
  }
  const p = input.parameters ?? {};
  for (const [k, v] of Object.entries(p)) {
    if (typeof v === "number" && (!Number.isFinite(v) || v < 0)) {
      issues.push(err("out-of-range", `parameters.${k}`, `parameters.${k}: must be a finite number >= 0`));
    }
  }
  return issues;
}

/** Per-hour schedule values of a use type on a calendar. */
interface Shapes {
  readonly use: Float64Array;
  readonly services: Float64Array;
  readonly hotWater: Float64Array;
  readonly occupancy: Float64Array;
  /** 1 = heating at set-point, 0 = set-back. */
  readonly heatOn: Uint8Array;
  /** 1 = cooling at set-point, 0 = off. */
  readonly coolOn: Uint8Array;
  /** Fraction of the full ventilation rate in operation. */
  readonly ventilation: Float64Array;
}

function buildShapes(profile: UseTypeProfile, cal: LocalCalendar, hours: number): Shapes {
  const use = new Float64Array(hours);
  const services = new Float64Array(hours);
  const hotWater = new Float64Array(hours);
  const occupancy = new Float64Array(hours);
  const heatOn = new Uint8Array(hours);
  const coolOn = new Uint8Array(hours);
  const ventilation = new Float64Array(hours);
  const s = profile.schedule;
  const offRatio =
    profile.ventilationLps > 0 ? Math.min(1, profile.ventilationOffLps / profile.ventilationLps) : 0;
  for (let i = 0; i < hours; i++) {
    if (s === null) {
      use[i] = 1;
      services[i] = 1;
      hotWater[i] = 0;
      occupancy[i] = 0;
      heatOn[i] = 0;
      ventilation[i] = 1;
      continue;
    }
    const wd = cal.weekday[i] ?? 1;
    let off = wd === 7 ? 48 : wd === 6 ? 24 : 0;
    if (profile.holidayRule === "publicHolidays" && cal.isHoliday[i] === 1) off = 48;
    if (profile.holidayRule === "schoolHolidays" && cal.isSchoolHoliday[i] === 1) off = 48;
    const k = off + (cal.localHour[i] ?? 0);
    use[i] = 0.5 * ((s.appliances[k] ?? 0) + (s.lighting[k] ?? 0));
    hotWater[i] = s.hotWater[k] ?? 0;
    occupancy[i] = s.occupancy[k] ?? 0;
    heatOn[i] = s.heating[k] === 2 ? 1 : 0;
    coolOn[i] = s.cooling[k] === 2 ? 1 : 0;
    // Air handling runs at full rate during the heating "SETPOINT" hours (use time), else at the reduced rate.
    ventilation[i] = heatOn[i] === 1 ? 1 : offRatio;
    services[i] = ventilation[i] ?? 0;
  }
  return { use, services, hotWater, occupancy, heatOn, coolOn, ventilation };
}

const referenceSums = new Map<string, { use: number; services: number; hotWater: number }>();
const referenceCalendars = new Map<string, LocalCalendar>();

/** Sums of the schedule shapes over the full local calendar year containing the timeline start. */
function referenceYearSums(
  profile: UseTypeProfile,
  timeline: Timeline,
  cal: LocalCalendar,
  schoolHolidays: SchoolHolidayOptions | undefined,
): { use: number; services: number; hotWater: number } {
  const year = cal.year[0] ?? 2025;
  const key = `${profile.id}|${profile.ventilationLps}|${profile.ventilationOffLps}|${year}|${timeline.timeZone}|${JSON.stringify(schoolHolidays ?? null)}`;
  const hit = referenceSums.get(key);
  if (hit) return hit;
  const calKey = `${year}|${timeline.timeZone}|${JSON.stringify(schoolHolidays ?? null)}`;
  let refCal = referenceCalendars.get(calKey);
  if (!refCal) {
    const refTimeline = createTimeline({ start: `${year}-01-01`, timeZone: timeline.timeZone });
    refCal = schoolHolidays ? localCalendar(refTimeline, { schoolHolidays }) : localCalendar(refTimeline);
    if (referenceCalendars.size > 32) referenceCalendars.clear();
    referenceCalendars.set(calKey, refCal);
  }
  const sh = buildShapes(profile, refCal, refCal.timeline.hours);
  const sum = (a: Float64Array): number => a.reduce((x, y) => x + y, 0);
  const out = { use: sum(sh.use), services: sum(sh.services), hotWater: sum(sh.hotWater) };
  if (referenceSums.size > 256) referenceSums.clear();
  referenceSums.set(key, out);
  return out;
}

/** Infiltration flow per m2 envelope from q50 (D5/2012: q_inf = q50·A / (3600·x), x by storeys; estimate). */
function infiltrationDivisor(storeys: number): number {
  if (storeys <= 1) return 24;
  if (storeys === 2) return 35;
  if (storeys <= 4) return 39;
  if (storeys <= 7) return 45;
  return 51;
}

function sumOf(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] ?? 0;
  return s;
}

function maxOf(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) > m) m = a[i] ?? 0;
  return m;
}

/**
 * Hourly space heating, domestic hot water, electricity and space cooling of a building group:
 * ISO 13790 5R1C physics for heating and cooling, hot water from residents (apartments) or floor area,
 * electricity from CEA/SIA 2024 hour-of-day schedules × annual specific values. See docs/physics/buildings.md.
 * Invalid input is a caller bug here (validate with `checkBuildingInput`): it throws `EngineError`.
 */
export function buildingDemand(
  input: BuildingDemandInput,
  options: BuildingDemandOptions = {},
): BuildingDemand {
  const issues = checkBuildingInput(input);
  if (issues.length > 0) {
    throw new EngineError("invalid-building-input", issues.map((i) => i.message).join("; "));
  }
  const warnings: Issue[] = [];
  const { timeline, weather } = input;
  const hours = timeline.hours;
  const area = input.heatedFloorAreaM2;
  const count = input.count ?? 1;
  const profile: UseTypeProfile = { ...USE_TYPE_PROFILES[input.useType], ...(input.parameters ?? {}) };
  const period = constructionPeriodOf(input.yearCompleted);
  const cal =
    input.calendar ??
    (options.schoolHolidays
      ? localCalendar(timeline, { schoolHolidays: options.schoolHolidays })
      : localCalendar(timeline));
  const shapes = buildShapes(profile, cal, hours);
  const ref = referenceYearSums(profile, timeline, cal, options.schoolHolidays);

  // --- Electricity: annual specific value x schedule shapes (use and building services).
  const electricityKwh = new Float64Array(hours);
  const elAnnualKwh = profile.reference.electricityKwhPerM2 * area;
  const useK = ref.use > 0 ? (elAnnualKwh * (1 - profile.servicesShare)) / ref.use : 0;
  const svcK = ref.services > 0 ? (elAnnualKwh * profile.servicesShare) / ref.services : 0;
  for (let i = 0; i < hours; i++) {
    electricityKwh[i] = useK * (shapes.use[i] ?? 0) + svcK * (shapes.services[i] ?? 0);
  }

  // --- Domestic hot water.
  const residents =
    input.residents ?? (input.useType === "apartmentBlock" ? area / DEFAULT_M2_PER_RESIDENT : 0);
  let dhwAnnualKwh: number;
  if (profile.dhwLitresPerPersonDay !== null) {
    dhwAnnualKwh =
      ((residents * profile.dhwLitresPerPersonDay) / 1000) *
      DHW_KWH_PER_M3 *
      (1 + DHW_CIRCULATION_LOSS_FRACTION) *
      365;
  } else {
    dhwAnnualKwh = profile.reference.hotWaterKwhPerM2 * area;
  }
  const hotWaterKwh = new Float64Array(hours);
  const dhwK = ref.hotWater > 0 ? dhwAnnualKwh / ref.hotWater : 0;
  for (let i = 0; i < hours; i++) hotWaterKwh[i] = dhwK * (shapes.hotWater[i] ?? 0);

  // --- Space heating and cooling: 5R1C.
  const spaceHeatingKwh = new Float64Array(hours);
  const coolingKwh = new Float64Array(hours);
  const indoorAirC = options.includeTemperatures ? new Float64Array(hours) : undefined;
  let maxResidual = 0;
  let hTransmission = 0;
  let hInfiltration = 0;
  let hVentMax = 0;
  if (profile.heated) {
    const f = profile.lossFactor;
    const cap = CAPACITY_CLASSES[profile.capacityClass];
    const roofFloor = area / Math.max(1, profile.storeys);
    const wallArea = profile.wallPerFloor * area;
    const windowArea = profile.windowPerFloor * area;
    const hOpaque =
      f *
      (period.uWallWPerM2K * wallArea +
        period.uRoofWPerM2K * roofFloor +
        GROUND_FACTOR * period.uFloorWPerM2K * roofFloor);
    const hWindows = f * period.uWindowWPerM2K * windowArea;
    hTransmission = hOpaque + hWindows;
    const envelope = wallArea + windowArea + 2 * roofFloor;
    const qInfM3s = (period.q50M3PerHM2 * envelope) / (3600 * infiltrationDivisor(profile.storeys));
    hInfiltration = f * AIR_HEAT_CAPACITY_J_PER_M3K * qInfM3s;
    const qVentFullM3s = (profile.ventilationLps / 1000) * area;
    hVentMax = AIR_HEAT_CAPACITY_J_PER_M3K * qVentFullM3s;
    const net = rc5r1cNetwork({
      floorAreaM2: area,
      massAreaM2: cap.amPerAf * area,
      heatCapacityJPerK: cap.cmJPerKM2 * area,
      hTrWindowsWPerK: hWindows,
      hTrOpaqueWPerK: hOpaque,
    });
    const irr = facadeIrradiance(weather, input.site);
    const solarK =
      (windowArea / 4) * GLAZING_G * GLAZED_FRACTION * NON_SCATTERING_FACTOR * OBSTRUCTION_FACTOR;
    const persons = input.useType === "apartmentBlock" ? residents : area / profile.m2PerPerson;
    const eta = period.heatRecoveryEfficiency;
    const coolSet = profile.coolingSetpointC;
    // Room heating capacity from the design heat loss (the supply-air coil is sized separately, unlimited).
    const ventRoomDeltaK =
      eta > 0
        ? profile.heatingSetpointC - SUPPLY_AIR_SETPOINT_C
        : profile.heatingSetpointC - DESIGN_OUTDOOR_C;
    const heatingMaxW =
      HEATING_OVERSIZE *
      ((hTransmission + hInfiltration) * (profile.heatingSetpointC - DESIGN_OUTDOOR_C) +
        hVentMax * ventRoomDeltaK);
    const coolingMaxW = COOLING_CAPACITY_W_PER_M2 * area;
    const state = createRc5r1cState(profile.heatingSetpointC);
    const inp = {
      outdoorC: 0,
      supplyC: 0,
      hVeWPerK: 1,
      internalW: 0,
      solarW: 0,
      heatingSetpointC: 0,
      coolingSetpointC: Number.POSITIVE_INFINITY,
      heatingMaxW,
      coolingMaxW,
    } satisfies Rc5r1cHourInput as { -readonly [K in keyof Rc5r1cHourInput]: Rc5r1cHourInput[K] };
    let coilW = 0;
    let coilCoolW = 0;
    const sf = profile.shadingFactor;
    const { northWm2, eastWm2, southWm2, westWm2 } = irr;
    const prepare = (i: number): void => {
      const te = weather.temperatureC[i] ?? 0;
      const gN = northWm2[i] ?? 0;
      const gE = eastWm2[i] ?? 0;
      const gS = southWm2[i] ?? 0;
      const gW = westWm2[i] ?? 0;
      inp.solarW =
        solarK *
        ((gN > SHADING_THRESHOLD_WM2 ? gN * sf : gN) +
          (gE > SHADING_THRESHOLD_WM2 ? gE * sf : gE) +
          (gS > SHADING_THRESHOLD_WM2 ? gS * sf : gS) +
          (gW > SHADING_THRESHOLD_WM2 ? gW * sf : gW));
      inp.internalW =
        SENSIBLE_HEAT_PER_PERSON_W * persons * (shapes.occupancy[i] ?? 0) +
        1000 * profile.electricityHeatGainFraction * (electricityKwh[i] ?? 0);
      const qVent = qVentFullM3s * (shapes.ventilation[i] ?? 0);
      // Supply air: with heat recovery an air-handling unit tempers outdoor air to the supply set-point
      // (recovered heat first, then the heating coil, counted as space heating); bypass above the set-point.
      // Without heat recovery (exhaust-only ventilation) outdoor air enters directly.
      let tsupVent = te;
      coilW = 0;
      coilCoolW = 0;
      const coolingNow = coolSet !== null && shapes.coolOn[i] === 1;
      if (eta > 0 && te < SUPPLY_AIR_SETPOINT_C) {
        tsupVent = SUPPLY_AIR_SETPOINT_C;
        const afterRecovery = te + eta * (profile.heatingSetpointC - te);
        coilW = AIR_HEAT_CAPACITY_J_PER_M3K * qVent * Math.max(0, SUPPLY_AIR_SETPOINT_C - afterRecovery);
      } else if (coolingNow && te > COOLING_SUPPLY_AIR_C) {
        // Cooling coil of the air-handling unit: sensible load to the cooled supply temperature plus the latent
        // load of drying the air to the coil's saturation humidity (only when the outdoor air is more humid).
        tsupVent = COOLING_SUPPLY_AIR_C;
        const xOut = humidityRatio(te, weather.relativeHumidityPct?.[i] ?? 0);
        const latent =
          Math.max(0, xOut - COIL_SATURATION_HUMIDITY_RATIO) * AIR_DENSITY_KG_PER_M3 * LATENT_HEAT_J_PER_KG;
        coilCoolW = qVent * (AIR_HEAT_CAPACITY_J_PER_M3K * (te - tsupVent) + latent);
      }
      const hVent = AIR_HEAT_CAPACITY_J_PER_M3K * qVent;
      inp.hVeWPerK = Math.max(hVent + hInfiltration, 1e-6);
      inp.supplyC = (hVent * tsupVent + hInfiltration * te) / Math.max(hVent + hInfiltration, 1e-12);
      if (hVent + hInfiltration < 1e-9) inp.supplyC = te;
      inp.outdoorC = te;
      inp.heatingSetpointC = shapes.heatOn[i] === 1 ? profile.heatingSetpointC : profile.heatingSetbackC;
      inp.coolingSetpointC =
        coolSet !== null && shapes.coolOn[i] === 1
          ? Math.max(coolSet, inp.heatingSetpointC)
          : Number.POSITIVE_INFINITY;
    };
    let massPrev = profile.heatingSetpointC;
    const warm = Math.min(hours, options.warmupHours ?? 168);
    for (let i = 0; i < warm; i++) {
      prepare(i);
      stepRc5r1c(net, inp, massPrev, state);
      massPrev = state.massEndC;
    }
    const r = { airW: 0, surfaceW: 0, massW: 0 };
    for (let i = 0; i < hours; i++) {
      prepare(i);
      stepRc5r1c(net, inp, massPrev, state);
      rc5r1cResiduals(net, inp, massPrev, state, r);
      const worst = Math.max(Math.abs(r.airW), Math.abs(r.surfaceW), Math.abs(r.massW));
      if (worst > maxResidual) maxResidual = worst;
      massPrev = state.massEndC;
      const phi = state.heatingCoolingW;
      spaceHeatingKwh[i] = (Math.max(0, phi) + coilW) / 1000;
      coolingKwh[i] = (Math.max(0, -phi) + coilCoolW) / 1000;
      if (indoorAirC) indoorAirC[i] = state.airC;
    }
  }

  const sources = {
    spaceHeating: (profile.heated ? "physics" : "none") as DemandSource,
    hotWater: (dhwAnnualKwh > 0 ? "schedule" : "none") as DemandSource,
    electricity: "schedule" as DemandSource,
    cooling: (profile.heated && profile.coolingSetpointC !== null ? "physics" : "none") as DemandSource,
  };
  const annualise = 8760 / hours;
  if (hours < 8760 && (input.eValue !== undefined || input.specificDemands !== undefined)) {
    warnings.push({
      code: "partial-year-scaling",
      severity: "warning",
      path: "timeline",
      message: "targets are annual; scaling uses this shorter timeline's totals x 8760/hours",
    });
  }

  // --- Specific-demand targets: scale each carrier's series to the target.
  const scaleTo = (
    series: Float64Array,
    targetKwhPerM2: number,
    fallback: (i: number) => number,
  ): boolean => {
    const target = (targetKwhPerM2 * area) / annualise;
    let total = sumOf(series);
    if (total <= 0 && target > 0) {
      for (let i = 0; i < hours; i++) series[i] = Math.max(0, fallback(i));
      total = sumOf(series);
    }
    if (total <= 0) {
      if (target > 0) {
        warnings.push({
          code: "no-profile-for-target",
          severity: "warning",
          path: "specificDemands",
          message: "no hours with demand to carry the target; series left at zero",
        });
      }
      return false;
    }
    const k = target / total;
    for (let i = 0; i < hours; i++) series[i] = (series[i] ?? 0) * k;
    return true;
  };
  const t = (i: number): number => weather.temperatureC[i] ?? 0;
  const sd = input.specificDemands ?? {};
  if (sd.spaceHeatingKwhPerM2 !== undefined) {
    scaleTo(spaceHeatingKwh, sd.spaceHeatingKwhPerM2, (i) => 17 - t(i));
    sources.spaceHeating = "scaledToSpecific";
  }
  if (sd.coolingKwhPerM2 !== undefined) {
    scaleTo(coolingKwh, sd.coolingKwhPerM2, (i) =>
      shapes.coolOn[i] === 1 || !profile.schedule ? t(i) - 18 : 0,
    );
    sources.cooling = "scaledToSpecific";
  }
  if (sd.hotWaterKwhPerM2 !== undefined) {
    scaleTo(hotWaterKwh, sd.hotWaterKwhPerM2, () => 1);
    sources.hotWater = "scaledToSpecific";
  }
  if (sd.electricityKwhPerM2 !== undefined) {
    scaleTo(electricityKwh, sd.electricityKwhPerM2, () => 1);
    sources.electricity = "scaledToSpecific";
  }

  // --- E-value target: scale space heating and cooling (use-driven DHW and electricity stay).
  const factors = options.carrierFactors ?? DEFAULT_CARRIER_FACTORS;
  if (input.eValue !== undefined) {
    const perM2 = (a: Float64Array): number => (sumOf(a) * annualise) / area;
    const fixed = factors.heat * perM2(hotWaterKwh) + factors.electricity * perM2(electricityKwh);
    const variable = factors.heat * perM2(spaceHeatingKwh) + factors.cooling * perM2(coolingKwh);
    let k = variable > 0 ? (input.eValue - fixed) / variable : 1;
    if (k < 0) {
      warnings.push({
        code: "e-value-below-fixed-uses",
        severity: "warning",
        path: "eValue",
        message: `eValue ${input.eValue} is below the hot-water and electricity share ${fixed.toFixed(1)} kWh_E/(m2 a); space heating and cooling set to zero`,
      });
      k = 0;
    }
    for (let i = 0; i < hours; i++) {
      spaceHeatingKwh[i] = (spaceHeatingKwh[i] ?? 0) * k;
      coolingKwh[i] = (coolingKwh[i] ?? 0) * k;
    }
    if (sources.spaceHeating !== "none") sources.spaceHeating = "scaledToEValue";
    if (sources.cooling !== "none") sources.cooling = "scaledToEValue";
  }

  // --- Explicit series override everything for their carrier.
  const explicit = input.demand ?? {};
  const override = (key: keyof ExplicitDemand, target: Float64Array, source: keyof typeof sources): void => {
    const raw = explicit[key];
    if (raw === undefined) return;
    const spec: SeriesInput =
      Array.isArray(raw) || ArrayBuffer.isView(raw)
        ? { hourly: raw as ArrayLike<number> }
        : (raw as SeriesInput);
    const r = expandSeries(spec, timeline, cal, { path: `demand.${key}`, nonNegative: true });
    if (!r.ok) throw new EngineError("invalid-building-input", r.issues.map((i) => i.message).join("; "));
    target.set(r.value);
    sources[source] = "explicit";
  };
  override("spaceHeatingKwh", spaceHeatingKwh, "spaceHeating");
  override("hotWaterKwh", hotWaterKwh, "hotWater");
  override("electricityKwh", electricityKwh, "electricity");
  override("coolingKwh", coolingKwh, "cooling");

  const sh = sumOf(spaceHeatingKwh);
  const dhw = sumOf(hotWaterKwh);
  const el = sumOf(electricityKwh);
  const cool = sumOf(coolingKwh);
  const perM2PerYear: SpecificDemands = {
    spaceHeatingKwhPerM2: (sh * annualise) / area,
    hotWaterKwhPerM2: (dhw * annualise) / area,
    electricityKwhPerM2: (el * annualise) / area,
    coolingKwhPerM2: (cool * annualise) / area,
  };
  const annualSummary: AnnualSummary = {
    hours,
    spaceHeatingKwh: sh,
    hotWaterKwh: dhw,
    electricityKwh: el,
    coolingKwh: cool,
    perM2PerYear,
    peakHeatingKw: maxOf(spaceHeatingKwh),
    peakCoolingKw: maxOf(coolingKwh),
    peakElectricityKw: maxOf(electricityKwh),
    eValue:
      DEFAULT_CARRIER_FACTORS.heat * (perM2PerYear.spaceHeatingKwhPerM2 + perM2PerYear.hotWaterKwhPerM2) +
      DEFAULT_CARRIER_FACTORS.electricity * perM2PerYear.electricityKwhPerM2 +
      DEFAULT_CARRIER_FACTORS.cooling * perM2PerYear.coolingKwhPerM2,
  };
  const diagnostics: BuildingDemandDiagnostics = {
    warnings,
    sources,
    constructionPeriod: period,
    profile,
    heatLossWPerK: { transmission: hTransmission, infiltration: hInfiltration, ventilationMax: hVentMax },
    maxNodeResidualW: maxResidual,
    residents,
    perBuildingAreaM2: area / count,
    ...(indoorAirC ? { indoorAirC } : {}),
  };
  return { spaceHeatingKwh, hotWaterKwh, electricityKwh, coolingKwh, annualSummary, diagnostics };
}
