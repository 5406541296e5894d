import type { ChartOption } from "./echarts.js";

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphical objects). */
export const PALETTE = [
  "#1f5f99",
  "#b8461b",
  "#2e7d32",
  "#6a3d9a",
  "#8a6d00",
  "#00796b",
  "#c2185b",
  "#455a64",
];
const AXIS = { axisLabel: { color: "#333" }, nameTextStyle: { color: "#333" } };

export interface SankeyLink {
  readonly source: string;
  readonly target: string;
  readonly value: number;
}

/**
 * Sankey of flows; `vertical` (top to bottom) suits narrow screens. `formatValue` formats a flow in the
 * page's language (the tooltip adds the unit).
 */
export function sankeyOption(
  links: readonly SankeyLink[],
  unit: string,
  formatValue: (value: number) => string,
  vertical = false,
): ChartOption {
  const names = [...new Set(links.flatMap((l) => [l.source, l.target]))];
  return {
    color: PALETTE,
    tooltip: {
      trigger: "item",
      valueFormatter: (v: unknown) => `${formatValue(Number(v))} ${unit}`,
    },
    series: [
      {
        type: "sankey",
        ...(vertical
          ? { orient: "vertical", left: 8, right: 8, top: 24, bottom: 24, nodeGap: 14 }
          : { left: 8, right: 170, nodeGap: 10 }),
        emphasis: { focus: "adjacency" },
        lineStyle: { color: "gradient", opacity: 0.45 },
        label: vertical
          ? {
              color: "#fff",
              textBorderColor: "#1b1b1b",
              textBorderWidth: 2,
              fontSize: 10,
              position: "inside",
            }
          : { color: "#222", fontSize: 12 },
        data: names.map((name) => ({ name })),
        links: links.map((l) => ({ ...l })),
      },
    ],
  };
}

export interface BarSeries {
  readonly name: string;
  readonly values: readonly number[];
  readonly type?: "bar" | "line";
  readonly yAxisIndex?: number;
}

export function barOption(
  categories: readonly string[],
  series: readonly BarSeries[],
  axes: { readonly y: string; readonly y2?: string; readonly markY?: number },
): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: "axis" },
    legend: { top: 0, textStyle: { color: "#222" } },
    grid: { left: 64, right: axes.y2 ? 64 : 16, top: 40, bottom: 32 },
    xAxis: { type: "category", data: [...categories], ...AXIS },
    yAxis: [
      { type: "value", name: axes.y, ...AXIS },
      ...(axes.y2 ? [{ type: "value", name: axes.y2, ...AXIS, splitLine: { show: false } }] : []),
    ],
    series: series.map((s, i) => ({
      name: s.name,
      type: s.type ?? "bar",
      yAxisIndex: s.yAxisIndex ?? 0,
      data: [...s.values],
      ...(i === series.length - 1 && axes.markY !== undefined
        ? {
            markLine: {
              silent: true,
              symbol: "none",
              data: [{ yAxis: axes.markY }],
              lineStyle: { color: "#b8461b", type: "dashed" },
            },
          }
        : {}),
    })),
  };
}

type NamedSeries = readonly { readonly name: string; readonly values: ArrayLike<number> }[];

/** Lines against hours (x in h, y in `unit`); `zoom` adds the zoom slider and starts the x axis at 0. */
function hoursLineOption(
  series: NamedSeries,
  unit: string,
  points: (values: ArrayLike<number>) => number[][],
  zoom: boolean,
): ChartOption {
  return {
    animation: false,
    color: PALETTE,
    tooltip: { trigger: "axis" },
    legend: { top: 0, type: "scroll", textStyle: { color: "#222" } },
    grid: { left: 64, right: 16, top: 40, bottom: zoom ? 64 : 40 },
    xAxis: { type: "value", name: "h", ...(zoom ? { min: 0 } : {}), ...AXIS },
    yAxis: { type: "value", name: unit, ...AXIS },
    ...(zoom ? { dataZoom: [{ type: "inside" }, { type: "slider" }] } : {}),
    series: series.map((s) => ({
      name: s.name,
      type: "line",
      showSymbol: false,
      sampling: "lttb",
      data: points(s.values),
    })),
  };
}

/** Duration curves: each series sorted from highest to lowest against hours. */
export function durationOption(series: NamedSeries, unit: string): ChartOption {
  return hoursLineOption(series, unit, (v) => sortedDescending(v).map((x, i) => [i + 1, x]), false);
}

export function sortedDescending(values: ArrayLike<number>): number[] {
  return Array.from(values).sort((a, b) => b - a);
}

/** A time series line chart over the hours of the year (with zoom). */
export function hourlyLineOption(series: NamedSeries, unit: string): ChartOption {
  return hoursLineOption(series, unit, (v) => Array.from(v, (x, i) => [i, x]), true);
}
