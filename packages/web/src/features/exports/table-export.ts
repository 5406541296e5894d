/** A table of values: the data behind a chart, a result, or an export. */
export interface DataTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

const quote = (s: string): string => (/[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** RFC 4180 CSV (comma separated, dot decimals, so every locale's tools read it the same). */
export function tableToCsv(table: DataTable): string {
  const lines = [table.columns.map(quote).join(",")];
  for (const row of table.rows) {
    lines.push(row.map((v) => (v === null ? "" : typeof v === "number" ? String(v) : quote(v))).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Parquet bytes of a table: numeric columns as DOUBLE, others as STRING (hyparquet-writer, loaded on demand). */
export async function tableToParquet(table: DataTable): Promise<ArrayBuffer> {
  const { parquetWriteBuffer } = await import("hyparquet-writer");
  const columnData = table.columns.map((name, c) => {
    const values = table.rows.map((r) => r[c] ?? null);
    const numeric = values.every((v) => v === null || typeof v === "number");
    return numeric
      ? {
          name,
          data: Float64Array.from(values, (v) => (v === null ? Number.NaN : (v as number))),
          type: "DOUBLE" as const,
        }
      : { name, data: values.map((v) => (v === null ? null : String(v))), type: "STRING" as const };
  });
  return parquetWriteBuffer({ columnData });
}

/** Offers bytes or text as a file download. */
export function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A safe file name from a title. */
export function fileNameOf(title: string, ext: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase();
  return `${base || "kera"}.${ext}`;
}
