import { useEffect } from "react";
import { AnalysisStatus } from "./analysis-status.js";
import { getCooperation, type Cooperation } from "./cocreation-data.js";

type CooperationFigures = Cooperation["totals"]["silos"];
import { useCocreationI18n } from "./cocreation-i18n.js";
import { useAnalysis } from "./use-analysis.js";

/** Value of cooperation, Shapley shares (table + bar chart), settlement payments and exchange price ranges. */
export function CooperationSection({ versionId }: { readonly versionId: string }) {
  const tr = useCocreationI18n();
  const coop = useAnalysis<Cooperation>();
  const start = coop.start;
  useEffect(() => start((o) => getCooperation(versionId, o)), [start, versionId]);
  const data = coop.busy ? undefined : coop.data;
  const maxShare = Math.max(1, ...(data?.partners ?? []).map((p) => Math.abs(p.shapleyEur)));
  return (
    <section aria-labelledby="coop-h" className="cooperation" data-testid="cooperation">
      <h2 id="coop-h">{tr.t("coopTitle")}</h2>
      <p>{tr.t("coopLead")}</p>
      <AnalysisStatus
        busy={coop.busy}
        progress={coop.progress}
        error={coop.error}
        computing={tr.t("coopComputing")}
        testId="coop"
      />
      {data ? (
        <>
          <dl className="coop-totals" data-testid="coop-value">
            <dt>{tr.t("coopValueCost")}</dt>
            <dd>{tr.num(data.totals.gain.costEur)} EUR/a</dd>
            <dt>{tr.t("coopValueCo2")}</dt>
            <dd>{tr.num(data.totals.gain.co2Kg)} kgCO2e/a</dd>
          </dl>
          <table data-testid="coop-silos">
            <caption>{tr.t("coopCompareCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{tr.t("coopFigure")}</th>
                <th scope="col">{tr.t("coopSilos")}</th>
                <th scope="col">{tr.t("coopTogether")}</th>
                <th scope="col">{tr.t("coopGain")}</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ["coopCost", (f: CooperationFigures) => f.costEur, (v: number) => tr.num(Math.round(v))],
                  ["coopCo2", (f: CooperationFigures) => f.co2Kg, (v: number) => tr.num(Math.round(v))],
                  [
                    "coopPositivity",
                    (f: CooperationFigures) => f.positivityRatio,
                    (v: number) => tr.num(Math.round(v * 1000) / 1000),
                  ],
                ] as const
              ).map(([label, pick, show]) => {
                const cell = (v: number | null | undefined) =>
                  v === null || v === undefined ? "–" : show(v);
                return (
                  <tr key={label} data-figure={label}>
                    <th scope="row">{tr.t(label)}</th>
                    <td>{cell(pick(data.totals.silos))}</td>
                    <td>{cell(pick(data.totals.together))}</td>
                    <td>{cell(pick(data.totals.gain))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {data.core ? (
            <p data-testid="coop-core">
              {data.core.shapley.inCore || !data.core.shapley.mostViolated
                ? tr.t("coopCoreStable")
                : tr.t("coopCoreUnstable", {
                    members: data.core.shapley.mostViolated.members.join(", "),
                    excess:
                      data.metric === "co2"
                        ? `${tr.num(Math.round(data.core.shapley.mostViolated.excess))} kgCO2e`
                        : `${tr.num(Math.round(data.core.shapley.mostViolated.excess))} EUR`,
                  })}
            </p>
          ) : null}
          <h3 id="coop-shares-h">{tr.t("coopShares")}</h3>
          <figure aria-labelledby="coop-shares-h">
            <svg
              role="img"
              aria-label={tr.t("coopSharesChart")}
              width={640}
              height={data.partners.length * 28 + 8}
              viewBox={`0 0 640 ${data.partners.length * 28 + 8}`}
              style={{ maxWidth: "100%", height: "auto" }}
            >
              {data.partners.map((p, i) => (
                <g key={p.stakeholder}>
                  <text x={0} y={i * 28 + 19} fontSize={13} fill="#1a1a1a">
                    {p.stakeholder}
                  </text>
                  <rect
                    x={200}
                    y={i * 28 + 4}
                    height={20}
                    width={(Math.abs(p.shapleyEur) / maxShare) * 340}
                    fill={p.shapleyEur >= 0 ? "#1b6e3a" : "#a33"}
                  />
                  <text
                    x={206 + (Math.abs(p.shapleyEur) / maxShare) * 340}
                    y={i * 28 + 19}
                    fontSize={13}
                    fill="#1a1a1a"
                  >
                    {tr.num(p.shapleyEur)}
                  </text>
                </g>
              ))}
            </svg>
          </figure>
          <table data-testid="coop-shares">
            <caption>{tr.t("coopSharesTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{tr.t("coopPartner")}</th>
                <th scope="col">{tr.t("coopShapley")}</th>
                <th scope="col">{tr.t("coopProportional")}</th>
                <th scope="col">{tr.t("coopTransfer")}</th>
              </tr>
            </thead>
            <tbody>
              {data.partners.map((p) => (
                <tr key={p.stakeholder}>
                  <th scope="row">{p.stakeholder}</th>
                  <td>{tr.num(p.shapleyEur)}</td>
                  <td>{tr.num(p.proportionalEur)}</td>
                  <td>{p.settlement ? tr.num(p.settlement.transferEur) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>{tr.t("coopPayments")}</caption>
            <thead>
              <tr>
                <th scope="col">{tr.t("coopFrom")}</th>
                <th scope="col">{tr.t("coopTo")}</th>
                <th scope="col">{tr.t("coopAmount")}</th>
              </tr>
            </thead>
            <tbody>
              {data.payments.map((p, i) => (
                <tr key={i}>
                  <td>{p.from}</td>
                  <td>{p.to}</td>
                  <td>{tr.num(p.amountEur)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>{tr.t("coopExchanges")}</caption>
            <thead>
              <tr>
                <th scope="col">{tr.t("coopSeller")}</th>
                <th scope="col">{tr.t("coopBuyer")}</th>
                <th scope="col">{tr.t("coopCarrier")}</th>
                <th scope="col">{tr.t("coopEnergy")}</th>
                <th scope="col">{tr.t("coopPriceRange")}</th>
              </tr>
            </thead>
            <tbody>
              {data.exchanges.map((x, i) => (
                <tr key={i}>
                  <td>{x.seller}</td>
                  <td>{x.buyer}</td>
                  <td>{x.carrier}</td>
                  <td>{tr.num(x.energyKwh)}</td>
                  <td>
                    {x.priceRangeEurPerKwh
                      ? `${tr.num(x.priceRangeEurPerKwh[0], 3)}–${tr.num(x.priceRangeEurPerKwh[1], 3)}`
                      : "–"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
