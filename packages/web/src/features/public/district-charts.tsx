import type { Kpis } from "@kera/engine";
import { useMemo } from "react";
import { Chart } from "../../charts/chart.js";
import { barOption, sankeyOption } from "../../charts/options.js";
import { monthNames, useI18n } from "../../i18n/i18n.js";
import { energyFlows, monthlyRows, positivityUnit } from "./indicators.js";

/** Sankey of the annual flows, MWh. */
export function SankeyChart({ kpis }: { readonly kpis: Kpis }) {
  const tr = useI18n();
  // Phones: flows run top to bottom, so the labels have the screen's width.
  const narrow = typeof window !== "undefined" && window.innerWidth < 640;
  const { option, table } = useMemo(() => {
    const flows = energyFlows(kpis).map((f) => ({
      source: tr.t(f.source),
      target: tr.t(f.target),
      value: f.kWh / 1000,
    }));
    return {
      option: sankeyOption(flows, "MWh/a", (v) => tr.num(v), narrow),
      table: {
        columns: ["from", "to", "MWh/a"],
        rows: flows.map((f) => [f.source, f.target, Math.round(f.value)] as const),
      },
    };
  }, [kpis, tr, narrow]);
  return (
    <Chart
      title={tr.t("sankeyTitle")}
      help={tr.t("sankeyHelp")}
      option={option}
      table={table}
      height={narrow ? 560 : 380}
      testId="sankey"
    />
  );
}

/** Monthly produced and used energy with the balance. */
export function MonthlyChart({ kpis }: { readonly kpis: Kpis }) {
  const tr = useI18n();
  const { option, table, surplusMonths, months } = useMemo(() => {
    const rows = monthlyRows(kpis);
    const names = monthNames(tr.locale);
    const cats = rows.map((r) => names[r.month - 1] ?? String(r.month));
    // In thousands of the positivity unit (MWh, MWh (PE) or tCO2e), one decimal.
    const mwh = (v: number) => Math.round(v / 100) / 10;
    const unit = positivityUnit(kpis.energyPositivity.unit);
    return {
      surplusMonths: rows.filter((r) => r.balanceKWh > 0).length,
      months: rows.length,
      option: barOption(
        cats,
        [
          { name: tr.t("produced"), values: rows.map((r) => mwh(r.producedKWh)) },
          { name: tr.t("consumed"), values: rows.map((r) => mwh(r.consumedKWh)) },
          { name: tr.t("balance"), values: rows.map((r) => mwh(r.balanceKWh)), type: "line" },
        ],
        { y: unit, markY: 0 },
      ),
      table: {
        columns: [
          tr.t("month"),
          `${tr.t("produced")} ${unit}`,
          `${tr.t("consumed")} ${unit}`,
          `${tr.t("balance")} ${unit}`,
        ],
        rows: rows.map(
          (r, i) => [cats[i] ?? "", mwh(r.producedKWh), mwh(r.consumedKWh), mwh(r.balanceKWh)] as const,
        ),
      },
    };
  }, [kpis, tr]);
  return (
    <Chart
      title={tr.t("monthlyTitle")}
      help={`${tr.t("monthlyHelp")} ${
        surplusMonths === 0
          ? tr.t("monthlySurplusNone")
          : surplusMonths === months
            ? tr.t("monthlySurplusAll")
            : tr.t("monthlySurplusSome", { count: surplusMonths, months })
      }`}
      option={option}
      table={table}
      testId="monthly"
    />
  );
}
