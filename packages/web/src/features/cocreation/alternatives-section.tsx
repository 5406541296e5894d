import { useState, type FormEvent } from "react";
import { Field, FormFooter } from "../../forms/form-parts.js";
import {
  alternativeRows,
  alternativesQuery,
  getAlternatives,
  planKey,
  type AlternativePlan,
  type AlternativeRowKey,
  type Alternatives,
} from "./analysis-data.js";
import { AnalysisStatus } from "./analysis-status.js";
import { useCocreationI18n } from "./cocreation-i18n.js";
import { useAnalysis } from "./use-analysis.js";

const ROW_LABEL = {
  cost: "altCost",
  costIncrease: "altCostIncrease",
  pv: "altPv",
  heatPump: "altHeatPump",
  storage: "altStorage",
  offsite: "altOffsite",
  positivity: "altPositivity",
  co2: "altCo2",
  selfSufficiency: "altSelfSufficiency",
} as const satisfies Record<AlternativeRowKey, string>;
/** Typical days of the plans' optimisation (the contract's default, as for the cooperation analysis). */
const TYPICAL_DAYS = 4;

/**
 * Modelling to generate alternatives (GET /versions/{id}/alternatives, a job): clearly different plans whose cost
 * is within a chosen percentage of the optimum, side by side (one column per plan), to negotiate over.
 */
export function AlternativesSection({ versionId }: { readonly versionId: string }) {
  const tr = useCocreationI18n();
  const [slack, setSlack] = useState("5");
  const [count, setCount] = useState("4");
  const alternatives = useAnalysis<Alternatives>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const query = alternativesQuery({
      slackPct: Number(slack),
      count: Number(count),
      typicalDays: TYPICAL_DAYS,
    });
    alternatives.start((o) => getAlternatives(versionId, query, o));
  };
  const data = alternatives.data;
  const planName = (p: AlternativePlan) => {
    const key = planKey(p);
    const name = key ? tr.t(key) : p.name;
    return p.status === "optimal" ? name : tr.t("altPlanStatus", { name, status: p.status });
  };
  return (
    <section aria-labelledby="alt-h" className="alternatives" data-testid="alternatives">
      <h2 id="alt-h">{tr.t("altTitle")}</h2>
      <p>{tr.t("altLead")}</p>
      <form onSubmit={submit} className="alt-form">
        <Field id="alt-slack" label={tr.t("altSlack")}>
          <input
            id="alt-slack"
            type="number"
            min={0}
            max={50}
            step={0.5}
            required
            value={slack}
            onChange={(e) => setSlack(e.target.value)}
          />
        </Field>
        <Field id="alt-count" label={tr.t("altCount")}>
          <input
            id="alt-count"
            type="number"
            min={1}
            max={8}
            step={1}
            required
            value={count}
            onChange={(e) => setCount(e.target.value)}
          />
        </Field>
        <FormFooter submit={tr.t("altCompute")} disabled={alternatives.busy} submitTestId="alt-compute" />
      </form>
      <AnalysisStatus
        busy={alternatives.busy}
        progress={alternatives.progress}
        error={alternatives.error}
        computing={tr.t("loading")}
        testId="alt"
      />
      {data ? (
        <div className="table-wrap">
          <table data-testid="alt-plans">
            <caption>{tr.t("altCaption", { slack: tr.pct(data.slack, 1) })}</caption>
            <thead>
              <tr>
                <th scope="col">{tr.t("altFigure")}</th>
                {data.plans.map((p, i) => (
                  <th scope="col" key={i} data-plan={p.name}>
                    {planName(p)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {alternativeRows(data).map((row) => (
                <tr key={row.key} data-row={row.key}>
                  <th scope="row">{tr.t(ROW_LABEL[row.key])}</th>
                  {row.values.map((v, i) => (
                    <td key={i}>
                      {!row.percent
                        ? tr.num(v, row.digits)
                        : v === null
                          ? "–"
                          : row.key === "costIncrease"
                            ? tr.signedPct(v / 100, row.digits)
                            : tr.pct(v / 100, row.digits)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
