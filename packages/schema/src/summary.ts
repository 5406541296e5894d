import { CAPACITY_MEANING, type AssetKind } from "./model/assets.js";
import type { District } from "./district.js";

export interface CapacityTotal {
  count: number;
  /** Sum of fixed capacities (extendable assets count their `capacity` if given, else 0). */
  capacity: number;
  unit: string;
  extendable: number;
}

/** Key figures of a district, as printed by `kera info`. */
export interface DistrictSummary {
  name: string;
  buildingGroupCount: number;
  buildingCount: number;
  heatedFloorAreaM2: number;
  residents: number;
  jobs: number;
  stakeholderCount: number;
  byUseType: Record<
    string,
    { buildingCount: number; heatedFloorAreaM2: number; residents: number; jobs: number }
  >;
  assets: {
    count: number;
    byKind: Partial<Record<AssetKind, CapacityTotal>>;
    byOwner: Record<string, { count: number; byKind: Partial<Record<AssetKind, CapacityTotal>> }>;
  };
  timeline: { start: string; hours: number };
}

function add(
  map: Partial<Record<AssetKind, CapacityTotal>>,
  kind: AssetKind,
  capacity: number,
  extendable: boolean,
): void {
  const t = (map[kind] ??= { count: 0, capacity: 0, unit: CAPACITY_MEANING[kind].unit, extendable: 0 });
  t.count += 1;
  t.capacity += capacity;
  if (extendable) t.extendable += 1;
}

/** Totals of buildings, people and assets (by kind and by owner). Pure. */
export function summarizeDistrict(d: District): DistrictSummary {
  const byUseType: DistrictSummary["byUseType"] = {};
  let buildingCount = 0;
  let heatedFloorAreaM2 = 0;
  let residents = 0;
  let jobs = 0;
  for (const g of d.buildingGroups) {
    buildingCount += g.count;
    heatedFloorAreaM2 += g.heatedFloorArea;
    residents += g.residents;
    jobs += g.jobs;
    const u = (byUseType[g.useType] ??= { buildingCount: 0, heatedFloorAreaM2: 0, residents: 0, jobs: 0 });
    u.buildingCount += g.count;
    u.heatedFloorAreaM2 += g.heatedFloorArea;
    u.residents += g.residents;
    u.jobs += g.jobs;
  }
  const byKind: DistrictSummary["assets"]["byKind"] = {};
  const byOwner: DistrictSummary["assets"]["byOwner"] = {};
  for (const a of d.assets) {
    const cap = a.capacity ?? 0;
    add(byKind, a.kind, cap, a.extendable);
    const o = (byOwner[a.owner] ??= { count: 0, byKind: {} });
    o.count += 1;
    add(o.byKind, a.kind, cap, a.extendable);
  }
  return {
    name: d.name,
    buildingGroupCount: d.buildingGroups.length,
    buildingCount,
    heatedFloorAreaM2,
    residents,
    jobs,
    stakeholderCount: d.stakeholders.length,
    byUseType,
    assets: { count: d.assets.length, byKind, byOwner },
    timeline: d.timeline,
  };
}
