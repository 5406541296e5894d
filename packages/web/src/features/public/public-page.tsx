import type { Kpis } from "@kera/engine";
import { useEffect, useMemo, useState } from "react";
import { api, errorText, kpisOf, type ModelInputs, type PublicDistrict } from "../../api/client.js";
import { Chart } from "../../charts/chart.js";
import { barOption } from "../../charts/options.js";
import { useI18n, type MessageKey } from "../../i18n/i18n.js";
import { WhatIfClient } from "../what-if/what-if-client.js";
import type { BuildoutPoint } from "../what-if/what-if-protocol.js";
import { MonthlyChart, SankeyChart } from "./district-charts.js";
import { positivityTarget, residentsByYear, statusOf } from "./indicators.js";
import { KpiCards } from "./kpi-cards.js";

const STATUS_KEY: Readonly<Record<ReturnType<typeof statusOf>, MessageKey>> = {
  positive: "statusPositive",
  onTrack: "statusOnTrack",
  behind: "statusBehind",
};
const BOUNDARY_KEY: Readonly<Record<string, MessageKey>> = {
  onSite: "boundaryOnSite",
  functional: "boundaryFunctional",
  virtual: "boundaryVirtual",
};
const WEIGHTING_KEY: Readonly<Record<string, MessageKey>> = {
  delivered: "weightingDelivered",
  primaryEnergy: "weightingPrimaryEnergy",
  co2: "weightingCo2",
};

interface Loaded {
  readonly data: PublicDistrict;
  readonly kpis: Kpis | undefined;
  readonly inBrowser: boolean;
}

/** The public district page (no sign-in): status, flows, seasons, build-out, cost, definitions. */
export function PublicPage({ slug }: { readonly slug: string }) {
  const tr = useI18n();
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [inputs, setInputs] = useState<ModelInputs | undefined>();
  const [buildout, setBuildout] = useState<BuildoutPoint[]>([]);

  useEffect(() => {
    let client: WhatIfClient | undefined;
    let live = true;
    (async () => {
      const data = await api<PublicDistrict>("GET", `/public/districts/${slug}`);
      const serverKpis = kpisOf(data.baseline?.kpis);
      if (serverKpis && live) setLoaded({ data, kpis: serverKpis, inBrowser: false });
      const inp = await api<ModelInputs>("GET", `/public/districts/${slug}/inputs`);
      if (!live) return;
      setInputs(inp);
      client = new WhatIfClient(inp);
      const ready = await client.ready;
      if (!live) return;
      if (!serverKpis) setLoaded({ data, kpis: ready.kpis, inBrowser: true });
      const years = residentsByYear(inp.model).map((r) => r.year);
      client.buildout(years, (p) => live && setBuildout((b) => [...b.filter((x) => x.year !== p.year), p]));
    })().catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
      client?.terminate();
    };
  }, [slug]);

  const target = useMemo(() => positivityTarget(inputs?.model), [inputs]);
  const buildoutChart = useMemo(() => {
    const rows = residentsByYear(inputs?.model);
    if (rows.length === 0) return undefined;
    const ratioOf = (y: number) => {
      const p = buildout.find((b) => b.year === y);
      return p?.ratio === null || p?.ratio === undefined ? null : Math.round(p.ratio * 1000) / 10;
    };
    return {
      option: barOption(
        rows.map((r) => String(r.year)),
        [
          { name: tr.t("residents"), values: rows.map((r) => r.residents) },
          {
            name: `${tr.t("ratio")} %`,
            values: rows.map((r) => ratioOf(r.year) ?? Number.NaN),
            type: "line",
            yAxisIndex: 1,
          },
        ],
        { y: tr.t("residents"), y2: "%" },
      ),
      table: {
        columns: [tr.t("year"), tr.t("residents"), `${tr.t("ratio")} %`, `${tr.t("kpiCo2")} tCO2e/a`],
        rows: rows.map((r) => {
          const co2 = buildout.find((b) => b.year === r.year)?.co2NetKg;
          return [
            String(r.year), // a year, not a quantity: no thousands separator
            r.residents,
            ratioOf(r.year),
            co2 === undefined ? null : Math.round(co2 / 1000),
          ] as const;
        }),
      },
    };
  }, [inputs, buildout, tr]);

  if (error) return <p role="alert">{tr.t("errorPrefix", { message: error })}</p>;
  if (!loaded) return <p role="status">{tr.t("loading")}</p>;
  const { data, kpis } = loaded;
  const ep = kpis?.energyPositivity;
  return (
    <article className="public-page">
      <h1>{tr.t("publicTitle", { name: data.district.name })}</h1>
      <p className="lead">{tr.t("publicLead")}</p>
      {!kpis || !ep ? (
        <p role="status">{tr.t("noBaseline")}</p>
      ) : (
        <>
          <section aria-labelledby="status-h" className="status">
            <h2 id="status-h" className="visually-hidden">
              {tr.t("kpiPositivity")}
            </h2>
            <p className={`status-line status-${statusOf(ep.ratio)}`} data-testid="status">
              {tr.t(STATUS_KEY[statusOf(ep.ratio)], { pct: tr.pct(ep.ratio) })}
              {target
                ? ` ${tr.t("targetLine", { year: String(target.year), pct: tr.pct(target.ratio) })}`
                : ""}
            </p>
            <p className="muted">
              {loaded.inBrowser
                ? tr.t("computedInBrowser")
                : data.baseline?.computedAt
                  ? tr.t("computedAt", { date: tr.date(data.baseline.computedAt) })
                  : ""}
            </p>
            <KpiCards kpis={kpis} />
          </section>
          <section aria-labelledby="definition-h" className="definition">
            <h2 id="definition-h">{tr.t("definitionTitle")}</h2>
            <p>
              {tr.t("definitionBoundary", { boundary: tr.t(BOUNDARY_KEY[ep.boundary] ?? "boundaryVirtual") })}
            </p>
            <p>
              {tr.t("definitionWeighting", {
                weighting: tr.t(WEIGHTING_KEY[ep.weighting] ?? "weightingDelivered"),
                unit: ep.unit,
              })}
            </p>
          </section>
          <section className="charts">
            <SankeyChart kpis={kpis} />
            <MonthlyChart kpis={kpis} />
            {buildoutChart ? (
              <Chart
                title={tr.t("buildoutTitle")}
                help={tr.t("buildoutHelp")}
                option={buildoutChart.option}
                table={buildoutChart.table}
                testId="buildout"
              />
            ) : (
              <p role="status">{tr.t("buildoutPending")}</p>
            )}
          </section>
        </>
      )}
    </article>
  );
}
