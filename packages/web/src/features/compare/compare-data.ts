/**
 * Flattens a JSON document into `path → value` leaves. Array items with an `id` are addressed by it
 * (`assets[pv-roof].capacity`), so reordering a list is not a difference; other items by index.
 */
export function flattenDocument(
  value: unknown,
  path = "",
  out = new Map<string, string>(),
): Map<string, string> {
  if (Array.isArray(value)) {
    const allIds = value.every(
      (v) => typeof v === "object" && v !== null && typeof (v as { id?: unknown }).id === "string",
    );
    value.forEach((v, i) => {
      const key = allIds ? (v as { id: string }).id : String(i);
      flattenDocument(v, `${path}[${key}]`, out);
    });
    if (value.length === 0) out.set(path, "[]");
  } else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) flattenDocument(v, path ? `${path}.${k}` : k, out);
  } else {
    out.set(path, value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value));
  }
  return out;
}

export interface DiffRow {
  readonly path: string;
  /** One value per compared document ("" when absent). */
  readonly values: readonly string[];
  /** Per document: differs from the first. */
  readonly changed: readonly boolean[];
}

/** Rows of the paths whose values are not the same in every document, in sorted path order. */
export function diffDocuments(docs: readonly unknown[]): DiffRow[] {
  const flat = docs.map((d) => flattenDocument(d));
  const paths = [...new Set(flat.flatMap((f) => [...f.keys()]))].sort();
  const rows: DiffRow[] = [];
  for (const path of paths) {
    const values = flat.map((f) => f.get(path) ?? "");
    if (values.every((v) => v === values[0])) continue;
    rows.push({ path, values, changed: values.map((v) => v !== values[0]) });
  }
  return rows;
}
