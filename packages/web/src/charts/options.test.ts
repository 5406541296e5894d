import { describe, expect, it } from "vitest";
import { durationOption, hourlyLineOption, sankeyOption } from "./options.js";

const AXIS = { axisLabel: { color: "#333" }, nameTextStyle: { color: "#333" } };

describe("hour line options", () => {
  it("duration curves sort each series from highest to lowest against hours 1..n, without zoom", () => {
    const o = durationOption([{ name: "grid:import", values: [1, 5, 3] }], "kW");
    expect(o.xAxis).toEqual({ type: "value", name: "h", ...AXIS });
    expect(o.yAxis).toEqual({ type: "value", name: "kW", ...AXIS });
    expect(o.grid).toEqual({ left: 64, right: 16, top: 40, bottom: 40 });
    expect(o.dataZoom).toBeUndefined();
    expect(o.series).toEqual([
      {
        name: "grid:import",
        type: "line",
        showSymbol: false,
        sampling: "lttb",
        data: [
          [1, 5],
          [2, 3],
          [3, 1],
        ],
      },
    ]);
  });

  it("hourly lines keep the hour order from 0, with zoom", () => {
    const o = hourlyLineOption([{ name: "bat:stateOfCharge", values: Float64Array.of(2, 4) }], "kWh");
    expect(o.xAxis).toEqual({ type: "value", name: "h", min: 0, ...AXIS });
    expect(o.yAxis).toEqual({ type: "value", name: "kWh", ...AXIS });
    expect(o.grid).toEqual({ left: 64, right: 16, top: 40, bottom: 64 });
    expect(o.dataZoom).toEqual([{ type: "inside" }, { type: "slider" }]);
    expect((o.series as { data: unknown }[])[0]?.data).toEqual([
      [0, 2],
      [1, 4],
    ]);
  });
});

describe("sankeyOption", () => {
  it("formats the tooltip's value with the page's formatter and the unit", () => {
    const o = sankeyOption([{ source: "PV", target: "Electricity", value: 1234.6 }], "MWh/a", (v) =>
      v.toFixed(0).replace(/\B(?=(\d{3})+$)/g, "\u00a0"),
    );
    const format = (o.tooltip as { valueFormatter: (v: unknown) => string }).valueFormatter;
    expect(format(1234.6)).toBe("1\u00a0235 MWh/a");
  });
});
