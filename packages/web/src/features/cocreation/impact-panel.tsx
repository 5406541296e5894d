import {
  FIGURE_DIGITS,
  FIGURE_UNIT,
  getImpact,
  impactRows,
  otherProposals,
  type Figure,
  type ProposalImpact,
} from "./analysis-data.js";
import { AnalysisStatus } from "./analysis-status.js";
import type { Proposal } from "./cocreation-data.js";
import { useCocreationI18n, type CocreationTranslator } from "./cocreation-i18n.js";
import { useAnalysis } from "./use-analysis.js";

const FIGURE_LABEL = {
  energyPositivityRatio: "figPositivity",
  co2NetKg: "figCo2",
  generationKWh: "figGeneration",
  electricityImportKWh: "figImport",
  selfSufficiency: "figSelfSufficiency",
} as const;

/** A value in display units; a ratio (held in %) is formatted as the locale writes percentages. */
const value = (tr: CocreationTranslator, f: Figure, v: number | null) =>
  v === null
    ? "–"
    : f.kind === "ratio"
      ? tr.pct(v / 100, FIGURE_DIGITS.ratio)
      : `${tr.num(v, FIGURE_DIGITS[f.kind])} ${FIGURE_UNIT[f.kind]}`;
const delta = (tr: CocreationTranslator, f: Figure, v: number | null) =>
  v === null
    ? "–"
    : `${tr.signed(v, FIGURE_DIGITS[f.kind])} ${f.kind === "ratio" ? tr.t("unitPp") : FIGURE_UNIT[f.kind]}`;

/**
 * A proposal's impact against its base version (GET /proposals/{id}/impact, computed as a job): alone, and combined
 * with the other open proposals (named), with signed changes in display units.
 */
export function ImpactPanel({
  proposal,
  proposals,
  headingId,
}: {
  readonly proposal: Proposal;
  readonly proposals: readonly Proposal[];
  /** The proposal's heading, which tells this card's "Show impact" button from the others'. */
  readonly headingId: string;
}) {
  const tr = useCocreationI18n();
  const impact = useAnalysis<ProposalImpact>();
  const titleOf = (id: string) => proposals.find((p) => p.id === id)?.title ?? id;
  const data = impact.data;
  const others = data ? otherProposals(data) : [];
  return (
    <div className="impact" data-testid="impact-panel">
      <p>
        <button
          type="button"
          disabled={impact.busy}
          data-testid="impact-show"
          aria-describedby={headingId}
          onClick={() => impact.start((o) => getImpact(proposal.id, o))}
        >
          {tr.t("impactShow")}
        </button>
      </p>
      <AnalysisStatus
        busy={impact.busy}
        progress={impact.progress}
        error={impact.error}
        computing={tr.t("loading")}
        testId="impact"
      />
      {data ? (
        <div className="table-wrap">
          <table data-testid="impact">
            <caption>{tr.t("impactCaption", { title: proposal.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{tr.t("impactIndicator")}</th>
                <th scope="col">{tr.t("impactBaseline")}</th>
                <th scope="col">{tr.t("impactAlone")}</th>
                <th scope="col">{tr.t("impactChangeAlone")}</th>
                <th scope="col">{tr.t("impactCombined")}</th>
                <th scope="col">{tr.t("impactChangeCombined")}</th>
              </tr>
            </thead>
            <tbody>
              {impactRows(data).map((r) => (
                <tr key={r.figure.key} data-figure={r.figure.key}>
                  <th scope="row">{tr.t(FIGURE_LABEL[r.figure.key])}</th>
                  <td>{value(tr, r.figure, r.baseline)}</td>
                  <td data-testid="impact-alone">{value(tr, r.figure, r.alone)}</td>
                  <td>{delta(tr, r.figure, r.aloneDelta)}</td>
                  <td data-testid="impact-combined">{value(tr, r.figure, r.combined)}</td>
                  <td>{delta(tr, r.figure, r.combinedDelta)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="impact-includes">
            {others.length === 0
              ? tr.t("impactIncludesOnlyThis")
              : tr.t("impactIncludes", {
                  list: [proposal.id, ...others]
                    .map((id) => (tr.locale === "en" ? `“${titleOf(id)}”` : `”${titleOf(id)}”`))
                    .join(", "),
                })}
          </p>
        </div>
      ) : null}
    </div>
  );
}
