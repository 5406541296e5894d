import type { Kpis } from "@kera/engine";
import { useI18n, type MessageKey } from "../../i18n/i18n.js";
import { positivityUnit } from "./indicators.js";

export interface KpiCard {
  readonly id: string;
  readonly label: MessageKey;
  readonly help: MessageKey;
  readonly value: string;
  /** Change against a base, formatted, when comparing. */
  readonly delta?: string;
}

/** The headline indicators of a district, formatted for the viewer's locale. */
export function kpiCardsOf(k: Kpis, tr: ReturnType<typeof useI18n>, base?: Kpis): KpiCard[] {
  const ep = k.energyPositivity;
  // Produced, consumed and balance are in the positivity unit (delivered, primary energy or emissions).
  const thousands = (v: number) => `${tr.num(v / 1000)} ${positivityUnit(ep.unit)}`;
  const signed = (v: number, fmt: (x: number) => string) =>
    `${v > 0 ? "+" : v < 0 ? "−" : "±"}${fmt(Math.abs(v))}`;
  const d = (a: number | null | undefined, b: number | null | undefined, fmt: (x: number) => string) =>
    base && a !== null && a !== undefined && b !== null && b !== undefined ? signed(a - b, fmt) : undefined;
  const cards: KpiCard[] = [
    {
      id: "positivity",
      label: "kpiPositivity",
      help: "kpiPositivityHelp",
      value: tr.pct(ep.ratio),
      delta: d(ep.ratio, base?.energyPositivity.ratio, (x) => tr.pct(x, 1)),
    },
    {
      id: "balance",
      label: "kpiBalance",
      help: "kpiBalanceHelp",
      value: thousands(ep.balanceKWh),
      delta: d(ep.balanceKWh, base?.energyPositivity.balanceKWh, thousands),
    },
    {
      id: "co2",
      label: "kpiCo2",
      help: "kpiCo2Help",
      value: `${tr.num(k.co2.netWithOffsiteKg / 1000)} tCO2e/a`,
      delta: d(k.co2.netWithOffsiteKg, base?.co2.netWithOffsiteKg, (x) => `${tr.num(x / 1000)} t`),
    },
    {
      id: "cost",
      label: "kpiCostPerResident",
      help: "kpiCostPerResidentHelp",
      value: tr.t("eurPerMonth", { value: tr.num(k.perResident.costEurPerMonth, 0) }),
      delta: d(k.perResident.costEurPerMonth, base?.perResident.costEurPerMonth, (x) => `${tr.num(x, 1)} €`),
    },
    {
      id: "selfSufficiency",
      label: "kpiSelfSufficiency",
      help: "kpiSelfSufficiencyHelp",
      value: tr.pct(k.selfSufficiency),
      delta: d(k.selfSufficiency, base?.selfSufficiency, (x) => tr.pct(x, 1)),
    },
    {
      id: "selfConsumption",
      label: "kpiSelfConsumption",
      help: "kpiSelfConsumptionHelp",
      value: tr.pct(k.selfConsumption),
      delta: d(k.selfConsumption, base?.selfConsumption, (x) => tr.pct(x, 1)),
    },
  ];
  return cards;
}

export function KpiCards({
  kpis,
  base,
  testId = "kpis",
}: {
  readonly kpis: Kpis;
  readonly base?: Kpis;
  readonly testId?: string;
}) {
  const tr = useI18n();
  return (
    <ul className="kpi-cards" data-testid={testId}>
      {kpiCardsOf(kpis, tr, base).map((c) => (
        <li key={c.id} className="kpi-card" data-kpi={c.id}>
          <h3 id={`kpi-${testId}-${c.id}`}>{tr.t(c.label)}</h3>
          <p
            className="kpi-value"
            aria-describedby={`kpi-${testId}-${c.id}-help`}
            data-testid={`${testId}-${c.id}`}
          >
            {c.value}
          </p>
          {c.delta ? <p className="kpi-delta">{tr.t("delta", { value: c.delta })}</p> : null}
          <p className="help" id={`kpi-${testId}-${c.id}-help`}>
            {tr.t(c.help)}
          </p>
        </li>
      ))}
    </ul>
  );
}
