/** A building group or asset placed on the site plan (SVG user units, metres for GeoJSON). */
export interface PlacedItem {
  readonly id: string;
  readonly name: string;
  readonly type: "group" | "asset";
  readonly kind: string;
  /** Polygon outline (closed), for groups. */
  readonly outline?: readonly (readonly [number, number])[];
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface SiteLayout {
  readonly width: number;
  readonly height: number;
  readonly schematic: boolean;
  readonly items: readonly PlacedItem[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The outer ring of a GeoJSON Polygon / MultiPolygon / Feature (lon, lat), if the value is one. */
export function geoJsonRing(value: unknown): [number, number][] | undefined {
  if (!isObj(value)) return undefined;
  const g = value.type === "Feature" ? value.geometry : value;
  if (!isObj(g)) return undefined;
  const coords =
    g.type === "Polygon"
      ? g.coordinates
      : g.type === "MultiPolygon" && Array.isArray(g.coordinates)
        ? g.coordinates[0]
        : undefined;
  const ring = Array.isArray(coords) ? coords[0] : undefined;
  if (!Array.isArray(ring)) return undefined;
  const pts = ring.filter(
    (p): p is [number, number] => Array.isArray(p) && typeof p[0] === "number" && typeof p[1] === "number",
  );
  return pts.length >= 3 ? pts.map((p) => [p[0], p[1]]) : undefined;
}

/**
 * Places the district on a plan: GeoJSON footprints (`footprint` or `geometry` on a group) projected
 * equirectangularly to metres when every group has one; otherwise a schematic grid, one cell per group
 * (area proportional to heated floor area), with assets drawn inside their location's cell or in a row below.
 */
export function layoutSite(model: unknown): SiteLayout {
  const groups = (isObj(model) && Array.isArray(model.buildingGroups) ? model.buildingGroups : []).filter(
    isObj,
  );
  const assets = (isObj(model) && Array.isArray(model.assets) ? model.assets : []).filter(isObj);
  const rings = groups.map((g) => geoJsonRing(g.footprint ?? g.geometry));
  const items: PlacedItem[] = [];
  const name = (o: Obj) => String(o.name ?? o.id ?? "");
  const place = new Map<string, { x: number; y: number; size: number }>();

  if (groups.length > 0 && rings.every((r) => r !== undefined)) {
    const all = rings.flatMap((r) => r ?? []);
    const lat0 = all.reduce((s, p) => s + p[1], 0) / all.length;
    const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
    const ky = 110_540;
    const minX = Math.min(...all.map((p) => p[0]));
    const maxY = Math.max(...all.map((p) => p[1]));
    groups.forEach((g, i) => {
      const outline = (rings[i] ?? []).map(
        ([lon, lat]) => [(lon - minX) * kx + 20, (maxY - lat) * ky + 20] as const,
      );
      const x = outline.reduce((s, p) => s + p[0], 0) / outline.length;
      const y = outline.reduce((s, p) => s + p[1], 0) / outline.length;
      place.set(String(g.id), { x, y, size: 20 });
      items.push({
        id: String(g.id),
        name: name(g),
        type: "group",
        kind: String(g.useType ?? ""),
        outline,
        x,
        y,
        size: 20,
        data: g,
      });
    });
  } else {
    const cols = Math.max(1, Math.ceil(Math.sqrt(groups.length * 1.6)));
    const cell = 120;
    groups.forEach((g, i) => {
      const area = typeof g.heatedFloorArea === "number" ? g.heatedFloorArea : 1000;
      const size = Math.max(24, Math.min(cell - 16, Math.sqrt(area) / 3));
      const x = (i % cols) * cell + cell / 2;
      const y = Math.floor(i / cols) * cell + cell / 2;
      place.set(String(g.id), { x, y, size });
      items.push({
        id: String(g.id),
        name: name(g),
        type: "group",
        kind: String(g.useType ?? ""),
        x,
        y,
        size,
        data: g,
      });
    });
  }
  const maxX = Math.max(240, ...items.map((i) => i.x + i.size));
  let rowY = Math.max(120, ...items.map((i) => i.y + i.size)) + 40;
  let rowX = 30;
  const perHost = new Map<string, number>();
  for (const a of assets) {
    const host = typeof a.location === "string" ? place.get(a.location) : undefined;
    let x: number;
    let y: number;
    if (host) {
      const k = perHost.get(String(a.location)) ?? 0;
      perHost.set(String(a.location), k + 1);
      x = host.x - host.size / 2 + 10 + (k % 4) * 14;
      y = host.y + host.size / 2 - 10 - Math.floor(k / 4) * 14;
    } else {
      if (rowX > maxX) {
        rowX = 30;
        rowY += 36;
      }
      x = rowX;
      y = rowY;
      rowX += 36;
    }
    items.push({
      id: String(a.id),
      name: name(a),
      type: "asset",
      kind: String(a.kind ?? ""),
      x,
      y,
      size: 12,
      data: a,
    });
  }
  return {
    width: Math.max(maxX, rowX) + 30,
    height: rowY + 40,
    schematic: !(groups.length > 0 && rings.every((r) => r !== undefined)),
    items,
  };
}
