import fc from "fast-check";
import { ASSET_KINDS, type AssetKind } from "../model/assets.js";
import { STAKEHOLDER_KINDS } from "../model/stakeholders.js";
import { USE_TYPE_IDS } from "../catalogue/use-types.js";

// fast-check generators of VALID raw district inputs (used by property tests of every package).

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const int = (min: number, max: number) => fc.integer({ min, max });
const text = fc.string({ minLength: 1, maxLength: 20 });

export const seriesArb = (min: number, max: number) =>
  fc.oneof(
    num(min, max),
    fc.record({ constant: num(min, max) }),
    fc.record({ monthly: fc.array(num(min, max), { minLength: 12, maxLength: 12 }) }),
    fc.record(
      { csv: fc.constantFrom("data/series.csv", "prices.csv"), column: fc.constantFrom("a", "value") },
      { requiredKeys: ["csv"] },
    ),
  );

function kindFields(kind: AssetKind): fc.Arbitrary<Record<string, unknown>> {
  switch (kind) {
    case "pv":
      return fc.record(
        { tilt: num(0, 90), azimuth: num(0, 360), availability: seriesArb(0, 1) },
        { requiredKeys: [] },
      );
    case "heatPump":
      return fc.record(
        {
          source: fc.constantFrom("ground", "air", "exhaustAir", "sewage", "water"),
          cop: seriesArb(1, 8),
          cooling: fc.boolean(),
        },
        { requiredKeys: ["source"] },
      );
    case "battery":
    case "thermalStorage":
      return fc.record(
        {
          powerCapacity: num(0, 1e4),
          efficiency: num(0.5, 1),
          standingLoss: num(0, 0.1),
          stateOfChargeMin: num(0, 0.2),
          stateOfChargeMax: num(0.8, 1),
        },
        { requiredKeys: ["powerCapacity"] },
      );
    case "evCharging":
      return fc.record(
        { chargePoints: int(1, 500), annualDemand: num(0, 1e7), smart: fc.boolean() },
        { requiredKeys: ["chargePoints"] },
      );
    case "wasteHeatSource":
      return fc.record(
        {
          source: fc.constantFrom("supermarketRefrigeration", "dataCentre", "sewage"),
          annualEnergy: num(0, 1e7),
        },
        { requiredKeys: ["source"] },
      );
    case "offsiteRenewable":
      return fc.record(
        { technology: fc.constantFrom("wind", "solar"), fullLoadHours: num(0, 5000) },
        { requiredKeys: ["technology"] },
      );
    case "gridConnection":
      return fc.record(
        { exportCapacity: num(0, 1e4), emissionFactor: seriesArb(0, 1) },
        { requiredKeys: [] },
      );
    case "districtHeating":
      return fc.record({ exportCapacity: num(0, 1e4) }, { requiredKeys: [] });
    case "districtCooling":
    case "electricBoiler":
      return fc.constant({});
  }
}

const sizing = fc.oneof(
  fc.record({ capacity: num(0, 1e5) }),
  fc.record({
    extendable: fc.constant(true),
    capacityMin: num(0, 10),
    capacityMax: num(10, 1e5),
    costInvest: num(0, 5000),
    lifetime: num(1, 60),
  }),
);

const assetArb = (owners: string[]) =>
  fc.constantFrom(...ASSET_KINDS).chain((kind) =>
    fc
      .tuple(fc.constantFrom(...owners), sizing, kindFields(kind), fc.option(text, { nil: undefined }))
      .map(([owner, s, extra, name]) => ({
        kind,
        owner,
        ...(name !== undefined ? { name } : {}),
        ...s,
        ...extra,
      })),
  );

const groupArb = (owners: string[]) =>
  fc.record(
    {
      useType: fc.constantFrom(...USE_TYPE_IDS.filter((u) => u !== "parking")),
      count: int(1, 100),
      heatedFloorArea: num(1, 1e6),
      yearCompleted: int(1950, 2060),
      residents: int(0, 10000),
      jobs: int(0, 10000),
      owner: fc.constantFrom(...owners),
      name: text,
      ePerformance: fc.oneof(
        fc.record({ eValue: num(1, 80) }),
        fc.record({
          spaceHeatingKwhPerM2: num(0, 200),
          hotWaterKwhPerM2: num(0, 50),
          electricityKwhPerM2: num(0, 300),
        }),
      ),
      demand: fc.record({ electricity: seriesArb(0, 1e4) }),
    },
    { requiredKeys: ["useType", "heatedFloorArea", "yearCompleted", "owner"] },
  );

/** A random valid raw district (before defaults). */
export const districtInputArb: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    stakeholders: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), { minLength: 1, maxLength: 4 }),
    name: text,
    lat: num(-90, 90),
    lon: num(-180, 180),
    zone: fc.constantFrom("Europe/Helsinki", "UTC", "America/New_York"),
    start: fc.constantFrom("2035-01-01", "2024-03-01T00:00", "2030-06-21"),
    hours: fc.option(int(1, 48), { nil: undefined }),
    kinds: fc.array(fc.constantFrom(...STAKEHOLDER_KINDS), { minLength: 4, maxLength: 4 }),
  })
  .chain((b) =>
    fc
      .record({
        groups: fc.array(groupArb(b.stakeholders), { maxLength: 4 }),
        assets: fc.array(assetArb(b.stakeholders), { maxLength: 8 }),
        vatRate: num(0, 1),
        energy: seriesArb(0, 1),
        boundary: fc.constantFrom("onSite", "functional", "virtual"),
      })
      .map((x) => ({
        schemaVersion: 1,
        name: b.name,
        site: { name: b.name, latitude: b.lat, longitude: b.lon, timeZone: b.zone },
        timeline: b.hours === undefined ? { start: b.start } : { start: b.start, hours: b.hours },
        stakeholders: b.stakeholders.map((id, i) => ({
          id,
          name: `Stakeholder ${id}`,
          kind: b.kinds[i % 4],
        })),
        buildingGroups: x.groups.map((g, i) => ({ id: `group-${i}`, ...g })),
        assets: x.assets.map((a, i) => ({ id: `asset-${i}`, ...a })),
        prices: { vatRate: x.vatRate, electricity: { energy: x.energy } },
        emissionFactors: { electricity: 0.1, districtHeating: 0.1, districtCooling: 0.05 },
        ped: { boundary: x.boundary },
      })),
  );
