import type { Result } from "@kera/schema";
import { finnishElectricityVatRate } from "../factors/energy-prices.js";
import type { Series } from "../series.js";
import { IssueList } from "../text/issues.js";
import { splitLines } from "../text/lines.js";
import { parseSeriesCsv } from "./series-csv.js";

/** Options of `parseSpotPriceCsv`. */
export interface SpotPriceCsvOptions {
  readonly fileName?: string;
  readonly source?: string;
  /** Site zone for the timeline; default Europe/Helsinki. */
  readonly timeZone?: string;
  /**
   * VAT included in a consumer-price file (`hour,price` in c/kWh incl. VAT): a fixed rate, or "FI" (default)
   * for the Finnish electricity VAT by delivery hour (24 %, 10 % from 1.12.2022 to 30.4.2023, 25.5 % from 1.9.2024).
   */
  readonly vat?: number | "FI";
}

/** Recognised day-ahead price file layouts. */
export type SpotPriceFormat = "eur-mwh-excl-vat" | "sahkotin-c-kwh-incl-vat";

/** Detects the layout from the header: `timestamp_utc,...,price_eur_mwh_excl_vat,...` or `hour,price`. */
export function detectSpotPriceFormat(text: string): SpotPriceFormat | undefined {
  const header = splitLines(text)
    .find((l) => l.text.trim() !== "" && !l.text.startsWith("#"))
    ?.text.toLowerCase()
    .split(",")
    .map((c) => c.trim());
  if (!header) return undefined;
  if (header.includes("timestamp_utc") && header.includes("price_eur_mwh_excl_vat"))
    return "eur-mwh-excl-vat";
  if (header[0] === "hour" && header[1] === "price" && header.length === 2) return "sahkotin-c-kwh-incl-vat";
  return undefined;
}

/**
 * Imports hourly FI day-ahead prices from a user's own copy of either layout used in this project:
 * - `timestamp_utc,timestamp_europe_helsinki,price_eur_mwh_excl_vat,...` (EUR/MWh excl. VAT);
 * - sahkotin.fi `hour,price` (ISO UTC hour start; c/kWh INCLUDING VAT, removed here).
 * Returns one column `price` in EUR/kWh excl. VAT. Prices may be negative. The data belong to the power
 * exchange: they are not shipped (shared/data/fi_spot_price_2023/SOURCE.md).
 */
export function parseSpotPriceCsv(text: string, options: SpotPriceCsvOptions = {}): Result<Series> {
  const fileName = options.fileName ?? "spot price CSV";
  const timeZone = options.timeZone ?? "Europe/Helsinki";
  const format = detectSpotPriceFormat(text);
  if (!format) {
    const issues = new IssueList(fileName);
    issues.error(
      "unknown-price-format",
      "header is neither timestamp_utc,...,price_eur_mwh_excl_vat nor hour,price",
      {
        line: 1,
        expected: "timestamp_utc,...,price_eur_mwh_excl_vat | hour,price",
      },
    );
    return { ok: false, issues: issues.finish() };
  }
  if (format === "eur-mwh-excl-vat") {
    const r = parseSeriesCsv(text, {
      fileName,
      source: options.source ?? `${fileName} (FI day-ahead, EUR/MWh excl. VAT)`,
      timestampColumn: "timestamp_utc",
      timestampZone: "UTC",
      timeZone,
      columns: ["price_eur_mwh_excl_vat"],
      units: { price_eur_mwh_excl_vat: "EUR/MWh" },
    });
    if (!r.ok) return r;
    return {
      ok: true,
      value: { ...r.value, columns: r.value.columns.map((c) => ({ ...c, name: "price" })) },
    };
  }
  const r = parseSeriesCsv(text, {
    fileName,
    source: options.source ?? `${fileName} (FI day-ahead via sahkotin.fi, VAT removed)`,
    timestampColumn: "hour",
    timestampZone: "UTC",
    timeZone,
    columns: ["price"],
    units: { price: "c/kWh" },
  });
  if (!r.ok) return r;
  const tl = r.value.timeline;
  const col = r.value.columns[0];
  if (!tl || !col) return r;
  const issues = new IssueList(fileName);
  const values = new Float64Array(col.values.length);
  for (let i = 0; i < values.length; i++) {
    const t = tl.startUtcMs + i * 3_600_000;
    const vat =
      options.vat === undefined || options.vat === "FI" ? finnishElectricityVatRate(t) : options.vat;
    if (vat === undefined) {
      issues.error(
        "vat-rate-unknown",
        `no Finnish VAT rate known for ${new Date(t).toISOString()}; pass the vat option`,
        {
          line: i + 2,
          path: "vat",
        },
      );
      break;
    }
    values[i] = (col.values[i] ?? Number.NaN) / (1 + vat);
  }
  if (issues.errorCount > 0) return { ok: false, issues: issues.finish() };
  return { ok: true, value: { ...r.value, columns: [{ name: "price", unit: "EUR/kWh", values }] } };
}
