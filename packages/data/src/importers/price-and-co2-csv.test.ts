import { describe, expect, it } from "vitest";
import { finnishElectricityVatRate } from "../factors/energy-prices.js";
import { HAS_SHARED_DATA, SHARED_SKIP_NOTE, readShared } from "../test-support/shared-data.js";
import { parseElectricityMapsCsv } from "./electricitymaps-csv.js";
import { detectSpotPriceFormat, parseSpotPriceCsv } from "./spot-price-csv.js";

describe("parseSpotPriceCsv", () => {
  it("reads the EUR/MWh excl. VAT layout into EUR/kWh", () => {
    const text = [
      "timestamp_utc,timestamp_europe_helsinki,price_eur_mwh_excl_vat,vat_rate_removed,price_c_kwh_incl_vat_source",
      "2023-11-24T10:00:00Z,2023-11-24T12:00:00+02:00,-500.00,0.24,-62.000",
      "2023-11-24T11:00:00Z,2023-11-24T13:00:00+02:00,80.50,0.24,9.982",
    ].join("\n");
    const r = parseSpotPriceCsv(text);
    expect(r.ok && r.value.columns.map((c) => [c.name, c.unit, Array.from(c.values)])).toEqual([
      ["price", "EUR/kWh", [-0.5, 0.0805]],
    ]);
    expect(r.ok && r.value.timeline?.timeZone).toBe("Europe/Helsinki");
  });

  it("removes the Finnish VAT of the delivery hour from sahkotin.fi c/kWh prices", () => {
    const text = ["hour,price", "2023-04-30T20:00:00.000Z,11.000", "2023-04-30T21:00:00.000Z,12.400"].join(
      "\n",
    );
    const r = parseSpotPriceCsv(text);
    const v = r.ok ? Array.from(r.value.columns[0]?.values ?? []) : [];
    expect(v[0]).toBeCloseTo(0.1, 12); // 10 % VAT until 30.4.2023 24:00 Finnish time
    expect(v[1]).toBeCloseTo(0.1, 12); // 24 % from 1.5.2023
    const fixed = parseSpotPriceCsv(text, { vat: 0 });
    expect(fixed.ok && fixed.value.columns[0]?.values[0]).toBeCloseTo(0.11, 12);
  });

  it("errors: unknown-price-format, vat-rate-unknown, and the generic time checks", () => {
    const code = (t: string) => {
      const r = parseSpotPriceCsv(t, { fileName: "p.csv" });
      return r.ok ? [] : r.issues.map((i) => i.code);
    };
    expect(code("time,value\n")).toEqual(["unknown-price-format"]);
    expect(code("hour,price\n2010-01-01T00:00:00Z,5\n")).toEqual(["vat-rate-unknown"]);
    expect(code("hour,price\n2024-01-01T00:00:00Z,5\n2024-01-01T02:00:00Z,5\n")).toEqual(["time-gap"]);
    expect(detectSpotPriceFormat("")).toBeUndefined();
  });

  it("VAT periods match SOURCE.md (10 % before 2023-04-30T21:00Z, 24 % after) and 25.5 % from 1.9.2024", () => {
    expect(finnishElectricityVatRate(Date.parse("2022-11-30T21:00Z"))).toBe(0.24);
    expect(finnishElectricityVatRate(Date.parse("2022-11-30T22:00Z"))).toBe(0.1);
    expect(finnishElectricityVatRate(Date.parse("2023-04-30T20:00Z"))).toBe(0.1);
    expect(finnishElectricityVatRate(Date.parse("2023-04-30T21:00Z"))).toBe(0.24);
    expect(finnishElectricityVatRate(Date.parse("2024-08-31T21:00Z"))).toBe(0.255);
    expect(finnishElectricityVatRate(Date.parse("2012-06-01T00:00Z"))).toBeUndefined();
  });
});

describe("parseElectricityMapsCsv", () => {
  const header =
    "Datetime (UTC),Country,Zone Name,Zone Id,Carbon Intensity gCO₂eq/kWh (direct),Carbon Intensity gCO₂eq/kWh (LCA),Low Carbon Percentage,Renewable Percentage,Data Source,Data Estimated,Data Estimation Method";
  it("reads direct and LCA intensity in kgCO2e/kWh", () => {
    const text = [
      header,
      "2022-01-01 00:00:00,Finland,Finland,FI,175.21,208.67,74.79,41.28,entsoe.eu,false,",
    ].join("\n");
    const r = parseElectricityMapsCsv(text);
    expect(r.ok && r.value.columns.map((c) => [c.name, c.unit, c.values[0]])).toEqual([
      ["direct", "kgCO2e/kWh", 0.17521],
      ["lca", "kgCO2e/kWh", 0.20867],
    ]);
  });
  it("rejects negative intensity and missing columns", () => {
    const neg = parseElectricityMapsCsv(
      [header, "2022-01-01 00:00:00,Finland,Finland,FI,-1,2,0,0,x,false,"].join("\n"),
    );
    expect(!neg.ok && neg.issues[0]?.code).toBe("out-of-range");
    const miss = parseElectricityMapsCsv("Datetime (UTC),x\n2022-01-01 00:00:00,1\n");
    expect(!miss.ok && miss.issues.map((i) => i.code)).toEqual(["missing-column", "missing-column"]);
  });
});

describe(`price and CO2 importers on the real files${SHARED_SKIP_NOTE}`, () => {
  it.skipIf(!HAS_SHARED_DATA)(
    "sahkotin original with VAT removed equals the derived excl.-VAT file (to rounding)",
    () => {
      const a = parseSpotPriceCsv(readShared("fi_spot_price_2023/sahkotin_spot_price_vat_orig.csv"));
      const b = parseSpotPriceCsv(
        readShared("fi_spot_price_2023/fi_dayahead_price_2023-01_2024-02_eur_mwh.csv"),
      );
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      expect(a.value.hours).toBe(10_176);
      expect(a.value.timeline).toEqual(b.value.timeline);
      const va = a.value.columns[0]?.values ?? new Float64Array();
      const vb = b.value.columns[0]?.values ?? new Float64Array();
      let worst = 0;
      for (let i = 0; i < va.length; i++) worst = Math.max(worst, Math.abs((va[i] ?? 0) - (vb[i] ?? 0)));
      // The source has 3 decimals of c/kWh incl. VAT: at most 0.0005 c/kWh / 1.1 + 0.005 EUR/MWh rounding.
      expect(worst * 1000).toBeLessThan(0.01);
    },
  );

  it.skipIf(!HAS_SHARED_DATA)(
    "Electricity Maps FI 2022: 8760 h, direct mean 103.2, min 13.2, max 246.3, LCA mean 138.7 g/kWh",
    () => {
      const r = parseElectricityMapsCsv(
        readShared("fi_co2_intensity_2022_electricitymaps/FI_2022_hourly.csv"),
      );
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const d = r.value.columns[0]?.values ?? new Float64Array();
      const l = r.value.columns[1]?.values ?? new Float64Array();
      expect(r.value.hours).toBe(8760);
      expect(r.value.timeline?.startUtcMs).toBe(Date.UTC(2022, 0, 1));
      expect((d.reduce((a, b) => a + b, 0) / 8760) * 1000).toBeCloseTo(103.2, 1);
      expect(Math.min(...d) * 1000).toBeCloseTo(13.2, 1);
      expect(Math.max(...d) * 1000).toBeCloseTo(246.3, 1);
      expect((l.reduce((a, b) => a + b, 0) / 8760) * 1000).toBeCloseTo(138.7, 1);
    },
  );
});
