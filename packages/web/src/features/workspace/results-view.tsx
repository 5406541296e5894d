import type { Kpis } from "@kera/engine";
import { useEffect, useMemo, useState } from "react";
import { api, errorText, kpisOf } from "../../api/client.js";
import { Chart, TableView } from "../../charts/chart.js";
import { CarpetChart } from "../../charts/carpet-chart.js";
import { durationOption, hourlyLineOption } from "../../charts/options.js";
import { useI18n } from "../../i18n/i18n.js";
import { download, tableToParquet, type DataTable } from "../exports/table-export.js";
import { SankeyChart, MonthlyChart } from "../public/district-charts.js";
import { KpiCards } from "../public/kpi-cards.js";

/** Numeric leaves of a summary as `path → value` rows (for summaries without engine indicators). */
export function numericLeaves(value: unknown, path = "", out: [string, number][] = []): [string, number][] {
  if (typeof value === "number" && Number.isFinite(value)) out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numericLeaves(v, `${path}[${i}]`, out));
  else if (typeof value === "object" && value !== null)
    for (const [k, v] of Object.entries(value)) numericLeaves(v, path ? `${path}.${k}` : k, out);
  return out;
}

function StakeholderTable({ kpis }: { readonly kpis: Kpis }) {
  const tr = useI18n();
  const table: DataTable = {
    columns: [tr.t("stakeholder"), tr.t("energyCost"), tr.t("assetCost"), tr.t("gridBills"), tr.t("co2Kg")],
    rows: kpis.perStakeholder.map((s) => [
      s.name,
      Math.round(s.energyCostEur),
      Math.round(s.assetCostEur),
      Math.round(s.gridBillsEur),
      Math.round(s.co2Kg),
    ]),
  };
  return (
    <section>
      <h3>{tr.t("stakeholdersTitle")}</h3>
      <TableView title={tr.t("stakeholdersTitle")} table={table} />
    </section>
  );
}

/** Hourly charts of a run: carpet of any series, duration curves of grid flows, storage state of charge. */
function SeriesCharts({
  runId,
  seriesNames,
  timeline,
}: {
  readonly runId: string;
  readonly seriesNames: readonly string[];
  readonly timeline: { readonly startUtcMs: number; readonly offsetHours: number };
}) {
  const tr = useI18n();
  const [series, setSeries] = useState<Record<string, number[]> | undefined>();
  const [chosen, setChosen] = useState<string>("");
  const names = useMemo(() => [...seriesNames].sort(), [seriesNames]);
  // Only the series shown are fetched (a year of ~100 series is megabytes): grid flows, storage, the chosen one.
  useEffect(() => {
    const wanted = names.filter((n) => /:(import|export|stateOfCharge)$/.test(n));
    const first = names.find((n) => n.endsWith(":import")) ?? names[0] ?? "";
    setChosen(first);
    Promise.all(
      [...new Set([...wanted, first])]
        .filter((n) => n !== "")
        .map((n) =>
          api<{ series: Record<string, number[]> }>(
            "GET",
            `/runs/${runId}/series?name=${encodeURIComponent(n)}`,
          ),
        ),
    ).then(
      (parts) => setSeries(Object.assign({}, ...parts.map((p) => p.series)) as Record<string, number[]>),
      () => setSeries({}),
    );
  }, [runId, names]);
  useEffect(() => {
    if (!series || chosen === "" || chosen in series) return;
    api<{ series: Record<string, number[]> }>(
      "GET",
      `/runs/${runId}/series?name=${encodeURIComponent(chosen)}`,
    ).then(
      (r) => setSeries((s) => ({ ...s, ...r.series })),
      () => undefined,
    );
  }, [runId, chosen, series]);
  const charts = useMemo(() => {
    if (!series) return undefined;
    const values = series[chosen] ?? [];
    const grid = names
      .filter((n) => /:(import|export)$/.test(n))
      .map((n) => ({ name: n, values: series[n] ?? [] }));
    const soc = names
      .filter((n) => n.endsWith(":stateOfCharge"))
      .map((n) => ({ name: n, values: series[n] ?? [] }));
    const hourTable = (cols: { name: string; values: ArrayLike<number> }[]): DataTable => ({
      columns: ["hour", ...cols.map((c) => c.name)],
      rows: Array.from({ length: Math.max(0, ...cols.map((c) => c.values.length)) }, (_, t) => [
        t,
        ...cols.map((c) => c.values[t] ?? null),
      ]),
    });
    return {
      carpet: values,
      duration: grid.length
        ? {
            option: durationOption(grid, "kW"),
            table: hourTable(grid.map((g) => ({ ...g, values: [...g.values].sort((a, b) => b - a) }))),
          }
        : undefined,
      soc: soc.length ? { option: hourlyLineOption(soc, "kWh"), table: hourTable(soc) } : undefined,
      loaded: hourTable(Object.entries(series).map(([name, values]) => ({ name, values }))),
    };
  }, [series, chosen, names]);
  if (!series) return <p role="status">{tr.t("loading")}</p>;
  if (!charts || names.length === 0) return null;
  return (
    <section className="charts">
      <p className="no-print">
        <a className="button" href={`/api/v1/runs/${runId}/series?format=csv`} download>
          {tr.t("exportResults")} (CSV)
        </a>{" "}
        <button
          type="button"
          onClick={() =>
            void tableToParquet(charts.loaded).then((b) =>
              download(`run-${runId}.parquet`, b, "application/vnd.apache.parquet"),
            )
          }
        >
          {tr.t("exportResults")} (Parquet)
        </button>
      </p>
      <div className="field no-print">
        <label htmlFor="carpet-series">{tr.t("series")}</label>
        <select id="carpet-series" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <CarpetChart
        title={tr.t("carpetTitle", { name: chosen })}
        help={tr.t("carpetHelp")}
        values={charts.carpet}
        unit={seriesUnitOf(chosen)}
        startUtcMs={timeline.startUtcMs}
        offsetHours={timeline.offsetHours}
        testId="carpet"
      />
      {charts.duration ? (
        <Chart
          title={tr.t("durationTitle")}
          help={tr.t("durationHelp")}
          option={charts.duration.option}
          table={charts.duration.table}
          testId="duration"
        />
      ) : null}
      {charts.soc ? (
        <Chart
          title={tr.t("storageTitle")}
          option={charts.soc.option}
          table={charts.soc.table}
          testId="soc"
        />
      ) : null}
    </section>
  );
}

/**
 * Unit of a result series by its attribute: the engine's `seriesUnit` (kWh for a state of charge, kWh/h
 * for flows). Repeated here because the engine runs only in the what-if Worker (importing it into the page
 * evaluates its modules there, and zod's eval probe then trips the page's CSP); a test pins the two together.
 */
export function seriesUnitOf(name: string): string {
  return name.endsWith(":stateOfCharge") ? "kWh" : "kWh/h";
}

/** The run's series names from its summary (RunSummary.seriesNames), else the placeholder's. */
export function seriesNamesOf(summary: Record<string, unknown>): string[] {
  const names = summary.seriesNames;
  if (Array.isArray(names)) return names.filter((n): n is string => typeof n === "string");
  return ["electricityDemandKw"];
}

/** Local hour of day at a UTC instant in a time zone, minus the UTC hour (e.g. +2 for Helsinki in winter). */
export function localOffsetHours(utcMs: number, timeZone: string): number {
  try {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hour: "2-digit",
      hourCycle: "h23",
    }).formatToParts(utcMs);
    const local = Number(parts.find((p) => p.type === "hour")?.value ?? "0");
    return (((local - new Date(utcMs).getUTCHours()) % 24) + 24) % 24;
  } catch {
    return 0;
  }
}

/** The run's timeline (RunSummary.timeline) with the local offset of its first hour. */
export function timelineOf(summary: Record<string, unknown>): { startUtcMs: number; offsetHours: number } {
  const t = summary.timeline as { start?: unknown; timeZone?: unknown } | undefined;
  const startUtcMs = typeof t?.start === "string" ? Date.parse(t.start) : Number.NaN;
  if (!Number.isFinite(startUtcMs)) return { startUtcMs: 0, offsetHours: 0 };
  return {
    startUtcMs,
    offsetHours: typeof t?.timeZone === "string" ? localOffsetHours(startUtcMs, t.timeZone) : 0,
  };
}

/** A succeeded run's results: indicators, flows, seasons, stakeholders, hourly charts, exports. */
export function ResultsView({ runId }: { readonly runId: string }) {
  const tr = useI18n();
  const [summary, setSummary] = useState<Record<string, unknown> | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setSummary(undefined);
    api<{ summary: Record<string, unknown> }>("GET", `/runs/${runId}/summary`).then(
      (r) => setSummary(r.summary),
      (e: unknown) => setError(errorText(e)),
    );
  }, [runId]);
  // Memoised per summary: a new array on every render of the page (typing in a form, polling a run) would make
  // SeriesCharts fetch its series again and go back to the first one.
  const seriesNames = useMemo(() => (summary ? seriesNamesOf(summary) : []), [summary]);
  if (error) return <p role="alert">{tr.t("errorPrefix", { message: error })}</p>;
  if (!summary) return <p role="status">{tr.t("loading")}</p>;
  const kpis = kpisOf(summary);
  return (
    <div data-testid="run-results" data-run={runId}>
      {kpis ? (
        <>
          <KpiCards kpis={kpis} testId="run-kpis" />
          <div className="charts">
            <SankeyChart kpis={kpis} />
            <MonthlyChart kpis={kpis} />
          </div>
          <StakeholderTable kpis={kpis} />
        </>
      ) : (
        <TableView
          title={tr.t("results")}
          table={{ columns: [tr.t("indicator"), ""], rows: numericLeaves(summary).map(([p, v]) => [p, v]) }}
        />
      )}
      <SeriesCharts runId={runId} seriesNames={seriesNames} timeline={timelineOf(summary)} />
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {tr.t("printReport")}
        </button>
      </p>
    </div>
  );
}
