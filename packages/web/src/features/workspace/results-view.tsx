import type { Kpis } from "@kera/engine";
import { useEffect, useMemo, useState } from "react";
import { api, kpisOf } from "../../api/client.js";
import { Chart, TableView } from "../../charts/chart.js";
import { carpetOption, durationOption, hourlyLineOption } from "../../charts/options.js";
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
function SeriesCharts({ runId }: { readonly runId: string }) {
  const tr = useI18n();
  const [series, setSeries] = useState<Record<string, number[]> | undefined>();
  const [chosen, setChosen] = useState<string>("");
  useEffect(() => {
    api<{ series: Record<string, number[]> }>("GET", `/runs/${runId}/series`).then(
      (r) => {
        setSeries(r.series);
        const names = Object.keys(r.series);
        setChosen(names.find((n) => n.endsWith(":import")) ?? names[0] ?? "");
      },
      () => setSeries({}),
    );
  }, [runId]);
  const names = useMemo(() => Object.keys(series ?? {}).sort(), [series]);
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
      carpet: { option: carpetOption(values, "kWh"), table: hourTable([{ name: chosen, values }]) },
      duration: grid.length
        ? {
            option: durationOption(grid, "kW"),
            table: hourTable(grid.map((g) => ({ ...g, values: [...g.values].sort((a, b) => b - a) }))),
          }
        : undefined,
      soc: soc.length ? { option: hourlyLineOption(soc, "kWh"), table: hourTable(soc) } : undefined,
      all: hourTable(names.map((n) => ({ name: n, values: series[n] ?? [] }))),
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
            void tableToParquet(charts.all).then((b) =>
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
      <Chart
        title={tr.t("carpetTitle", { name: chosen })}
        help={tr.t("carpetHelp")}
        option={charts.carpet.option}
        table={charts.carpet.table}
        height={360}
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

/** A succeeded run's results: indicators, flows, seasons, stakeholders, hourly charts, exports. */
export function ResultsView({ runId }: { readonly runId: string }) {
  const tr = useI18n();
  const [summary, setSummary] = useState<Record<string, unknown> | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setSummary(undefined);
    api<{ summary: Record<string, unknown> }>("GET", `/runs/${runId}/summary`).then(
      (r) => setSummary(r.summary),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [runId]);
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
      <SeriesCharts runId={runId} />
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {tr.t("printReport")}
        </button>
      </p>
    </div>
  );
}
