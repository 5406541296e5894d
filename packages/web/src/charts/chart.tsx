import { useEffect, useRef, useState, type ReactNode } from "react";
import { useI18n } from "../i18n/i18n.js";
import {
  download,
  fileNameOf,
  tableToCsv,
  tableToParquet,
  type DataTable,
} from "../features/exports/table-export.js";
import { echarts, type ChartOption } from "./echarts.js";

export interface ChartProps {
  readonly title: string;
  readonly help?: string;
  readonly option: ChartOption;
  /** The figures of the chart as a table: its text alternative and its CSV/Parquet export. */
  readonly table: DataTable;
  readonly height?: number;
  readonly testId?: string;
  /** Called once the chart has rendered, with the time it took, ms. */
  readonly onRendered?: (ms: number) => void;
}

/**
 * zrender draws large charts over several animation frames and a frame still pending after dispose()
 * throws (its painter is gone). So on unmount the chart is cleared first (a new draw, which makes pending
 * frames of the old one stop) and disposed a moment later.
 */
function disposeWhenIdle(chart: echarts.ECharts): void {
  chart.clear();
  setTimeout(() => chart.dispose(), 1500);
}

/**
 * A chart with its text alternative (an accessible data table in a disclosure) and exports (PNG, SVG, CSV,
 * Parquet). ECharts draws on a canvas; the SVG export renders the same option with the SVG renderer.
 */
export function Chart({ title, help, option, table, height = 320, testId, onRendered }: ChartProps) {
  const tr = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const chart = echarts.init(el, undefined, { renderer: "canvas" });
    chartRef.current = chart;
    const observer =
      typeof ResizeObserver === "undefined"
        ? undefined
        : new ResizeObserver(() => {
            // A resize may be queued while the chart is being disposed (page change).
            if (!chart.isDisposed()) chart.resize();
          });
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chartRef.current = undefined;
      disposeWhenIdle(chart);
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || chart.isDisposed()) return;
    const started = performance.now();
    chart.setOption(option, true);
    chart.on("finished", function done() {
      chart.off("finished", done);
      const ms = performance.now() - started;
      onRendered?.(ms);
      ref.current?.setAttribute("data-render-ms", ms.toFixed(1));
    });
  }, [option, onRendered]);

  const exportPng = () => {
    const url = chartRef.current?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    if (!url) return;
    const a = document.createElement("a");
    a.href = url;
    a.download = fileNameOf(title, "png");
    a.click();
  };
  const exportSvg = () => {
    const el = ref.current;
    const svg = echarts.init(null, undefined, {
      renderer: "svg",
      ssr: true,
      width: el?.clientWidth || 800,
      height,
    });
    svg.setOption({ ...option, animation: false });
    download(fileNameOf(title, "svg"), svg.renderToSVGString(), "image/svg+xml");
    svg.dispose();
  };

  return (
    <ChartFrame
      title={title}
      help={help}
      table={table}
      testId={testId}
      exportPng={exportPng}
      exportSvg={exportSvg}
    >
      <div
        ref={ref}
        className="chart-canvas"
        style={{ height }}
        role="img"
        aria-label={tr.t("chartAlt", { title })}
      />
    </ChartFrame>
  );
}

/**
 * What every chart shares around its drawing: title and help, the data table in a disclosure (its text
 * alternative) and the exports (PNG and SVG from the drawing, CSV and Parquet from the table).
 */
export function ChartFrame({
  title,
  help,
  table,
  testId,
  exportPng,
  exportSvg,
  children,
}: {
  readonly title: string;
  readonly help?: string | undefined;
  readonly table: DataTable;
  readonly testId?: string | undefined;
  readonly exportPng: () => void;
  readonly exportSvg: () => void;
  readonly children: ReactNode;
}) {
  const tr = useI18n();
  const [showTable, setShowTable] = useState(false);
  const exportParquet = async () => {
    download(fileNameOf(title, "parquet"), await tableToParquet(table), "application/vnd.apache.parquet");
  };

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        <h3>{title}</h3>
        {help ? <p className="help">{help}</p> : null}
      </figcaption>
      {children}
      <div className="chart-actions">
        <button type="button" onClick={() => setShowTable((s) => !s)} aria-expanded={showTable}>
          {tr.t("dataTable")}
        </button>
        <button type="button" onClick={exportPng} aria-label={`${title}: ${tr.t("downloadPng")}`}>
          {tr.t("downloadPng")}
        </button>
        <button type="button" onClick={exportSvg} aria-label={`${title}: ${tr.t("downloadSvg")}`}>
          {tr.t("downloadSvg")}
        </button>
        <button
          type="button"
          onClick={() => download(fileNameOf(title, "csv"), tableToCsv(table), "text/csv")}
          aria-label={`${title}: ${tr.t("downloadCsv")}`}
        >
          {tr.t("downloadCsv")}
        </button>
        <button
          type="button"
          onClick={() => void exportParquet()}
          aria-label={`${title}: ${tr.t("downloadParquet")}`}
        >
          {tr.t("downloadParquet")}
        </button>
      </div>
      {showTable ? <TableView title={title} table={table} /> : null}
    </figure>
  );
}

/** An accessible table (caption, column headers); long tables show the first 400 rows. */
export function TableView({ title, table }: { readonly title: string; readonly table: DataTable }) {
  const tr = useI18n();
  const rows = table.rows.slice(0, 400);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={`${title}: ${tr.t("dataTable")}`}>
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j}>{typeof v === "number" ? tr.num(v, Math.abs(v) < 10 ? 2 : 0) : (v ?? "")}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
