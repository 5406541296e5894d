import type { Kpis } from "@kera/engine";
import { useCallback, useEffect, useRef, useState } from "react";
import { api, errorText, type ModelInputs } from "../../api/client.js";
import { useI18n, type MessageKey } from "../../i18n/i18n.js";
import { MonthlyChart } from "../public/district-charts.js";
import { KpiCards } from "../public/kpi-cards.js";
import { WhatIfClient } from "./what-if-client.js";
import { LEVER_KEYS, type Levers } from "./levers.js";

const LABEL: Readonly<Record<keyof Levers, MessageKey>> = {
  pvKwp: "leverPv",
  heatPumpKw: "leverHp",
  storageKwh: "leverStorage",
  wasteHeatShare: "leverWaste",
  offsiteKw: "leverOffsite",
};

/** Slider range of a lever: 0 to about three times the planned value (off-site: up to 20 MW). */
export function leverRange(key: keyof Levers, base: number): { min: number; max: number; step: number } {
  if (key === "wasteHeatShare") return { min: 0, max: 1, step: 0.05 };
  const max = key === "offsiteKw" ? Math.max(20000, base * 2) : Math.max(100, base * 3);
  const step = max > 10000 ? 100 : max > 1000 ? 10 : 1;
  return { min: 0, max: Math.ceil(max / step) * step, step };
}

/** Sliders on the main levers; the indicators are recomputed in a Web Worker on every change. */
export function WhatIf({
  inputs,
  onLevers,
}: {
  readonly inputs: ModelInputs;
  readonly onLevers?: (l: Levers) => void;
}) {
  const tr = useI18n();
  const clientRef = useRef<WhatIfClient | undefined>(undefined);
  const [base, setBase] = useState<{ levers: Levers; kpis: Kpis } | undefined>();
  const [levers, setLevers] = useState<Levers | undefined>();
  const [result, setResult] = useState<{ kpis: Kpis; ms: number } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const latest = useRef(0);

  useEffect(() => {
    const client = new WhatIfClient(inputs);
    clientRef.current = client;
    client.ready.then(
      (r) => {
        setBase({ levers: r.levers, kpis: r.kpis });
        setLevers(r.levers);
        setResult({ kpis: r.kpis, ms: r.ms });
      },
      (e: unknown) => setError(errorText(e)),
    );
    return () => client.terminate();
  }, [inputs]);

  const change = useCallback(
    (next: Levers) => {
      setLevers(next);
      onLevers?.(next);
      const id = ++latest.current;
      void clientRef.current?.whatIf(next).then((r) => {
        if (id === latest.current) setResult({ kpis: r.kpis, ms: r.ms });
      });
    },
    [onLevers],
  );

  if (error) return <p role="alert">{tr.t("errorPrefix", { message: error })}</p>;
  if (!base || !levers || !result) return <p role="status">{tr.t("whatIfPreparing")}</p>;
  return (
    <div className="what-if">
      <div className="levers">
        {LEVER_KEYS.map((key) => {
          const r = leverRange(key, base.levers[key]);
          const value = levers[key];
          const shown = key === "wasteHeatShare" ? tr.pct(value) : tr.num(value);
          return (
            <div className="lever" key={key}>
              <label htmlFor={`lever-${key}`}>{tr.t(LABEL[key])}</label>
              <input
                id={`lever-${key}`}
                data-testid={`lever-${key}`}
                type="range"
                min={r.min}
                max={r.max}
                step={r.step}
                value={value}
                aria-valuetext={shown}
                onChange={(e) => change({ ...levers, [key]: Number(e.target.value) })}
              />
              <output htmlFor={`lever-${key}`}>{shown}</output>
            </div>
          );
        })}
      </div>
      <p className="no-print">
        <button type="button" onClick={() => change(base.levers)}>
          {tr.t("whatIfReset")}
        </button>{" "}
        <span role="status" data-testid="what-if-ms" data-ms={result.ms.toFixed(1)}>
          {tr.t("whatIfComputed", { ms: Math.round(result.ms) })}
        </span>
      </p>
      <KpiCards kpis={result.kpis} base={base.kpis} testId="what-if-kpis" />
      <MonthlyChart kpis={result.kpis} />
    </div>
  );
}

export function WhatIfPage({ slug }: { readonly slug: string }) {
  const tr = useI18n();
  const [inputs, setInputs] = useState<ModelInputs | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    api<ModelInputs>("GET", `/public/districts/${slug}/inputs`).then(setInputs, (e: unknown) =>
      setError(errorText(e)),
    );
  }, [slug]);
  return (
    <article>
      <h1>{tr.t("whatIfTitle")}</h1>
      <p className="lead">{tr.t("whatIfLead")}</p>
      {error ? <p role="alert">{tr.t("errorPrefix", { message: error })}</p> : null}
      {inputs ? <WhatIf inputs={inputs} /> : <p role="status">{tr.t("loading")}</p>}
    </article>
  );
}
