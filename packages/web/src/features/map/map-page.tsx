import { useEffect, useMemo, useState, type KeyboardEvent } from "react";
import { api, type ModelInputs } from "../../api/client.js";
import { PALETTE } from "../../charts/options.js";
import { useI18n } from "../../i18n/i18n.js";
import { layoutSite, type PlacedItem } from "./site-layout.js";

const KIND_COLOUR: Readonly<Record<string, string>> = {
  pv: PALETTE[4] ?? "#8a6d00",
  battery: PALETTE[3] ?? "#6a3d9a",
  thermalStorage: PALETTE[1] ?? "#b8461b",
  heatPump: PALETTE[2] ?? "#2e7d32",
  evCharging: PALETTE[5] ?? "#00796b",
};

/** The site plan: building groups and assets (footprints when the model has them), details on click. */
export function MapPage({ slug }: { readonly slug: string }) {
  const tr = useI18n();
  const [model, setModel] = useState<unknown>();
  const [selected, setSelected] = useState<PlacedItem | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    api<ModelInputs>("GET", `/public/districts/${slug}/inputs`).then(
      (i) => setModel(i.model),
      (e: unknown) => setError(String(e)),
    );
  }, [slug]);
  const plan = useMemo(() => (model ? layoutSite(model) : undefined), [model]);
  if (error) return <p role="alert">{tr.t("errorPrefix", { message: error })}</p>;
  if (!plan) return <p role="status">{tr.t("loading")}</p>;
  const activate = (item: PlacedItem) => (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      setSelected(item);
    }
  };
  const d = selected?.data;
  const fmt = (v: unknown) => (typeof v === "number" ? tr.num(v) : v === undefined ? "–" : String(v));
  return (
    <article className="map">
      <h1>{tr.t("mapTitle")}</h1>
      <p className="lead">{tr.t("mapLead")}</p>
      {plan.schematic ? <p className="muted">{tr.t("mapSchematic")}</p> : null}
      <svg
        viewBox={`0 0 ${plan.width} ${plan.height}`}
        role="group"
        aria-label={tr.t("mapTitle")}
        data-testid="site-plan"
      >
        {plan.items.map((item) => {
          const common = {
            tabIndex: 0,
            role: "button",
            "aria-label": `${item.name} (${item.kind})`,
            "aria-pressed": selected?.id === item.id,
            onClick: () => setSelected(item),
            onKeyDown: activate(item),
            className: selected?.id === item.id ? "selected" : undefined,
            "data-id": item.id,
          } as const;
          if (item.type === "group") {
            return item.outline ? (
              <polygon
                key={item.id}
                {...common}
                points={item.outline.map((p) => p.join(",")).join(" ")}
                fill="#dbe7f3"
                stroke="#1f5f99"
              />
            ) : (
              <g key={item.id}>
                <rect
                  {...common}
                  x={item.x - item.size / 2}
                  y={item.y - item.size / 2}
                  width={item.size}
                  height={item.size}
                  fill="#dbe7f3"
                  stroke="#1f5f99"
                />
                <text
                  x={item.x}
                  y={item.y + item.size / 2 + 12}
                  fontSize="9"
                  textAnchor="middle"
                  fill="#1b1b1b"
                  aria-hidden="true"
                >
                  {item.name.slice(0, 22)}
                </text>
              </g>
            );
          }
          return (
            <circle
              key={item.id}
              {...common}
              cx={item.x}
              cy={item.y}
              r={item.size / 2}
              fill={KIND_COLOUR[item.kind] ?? "#455a64"}
              stroke="#fff"
            />
          );
        })}
      </svg>
      <section aria-live="polite" aria-labelledby="map-details-h">
        <h2 id="map-details-h">{tr.t("details")}</h2>
        {selected && d ? (
          <dl data-testid="map-details">
            <dt>{selected.name}</dt>
            <dd>{selected.id}</dd>
            <dt>{tr.t(selected.type === "group" ? "useType" : "kind")}</dt>
            <dd>{selected.kind}</dd>
            <dt>{tr.t("owner")}</dt>
            <dd>{fmt(d.owner)}</dd>
            {selected.type === "group" ? (
              <>
                <dt>{tr.t("floorArea")}</dt>
                <dd>{fmt(d.heatedFloorArea)}</dd>
                <dt>{tr.t("residents")}</dt>
                <dd>{fmt(d.residents)}</dd>
                <dt>{tr.t("yearCompleted")}</dt>
                <dd>{fmt(d.yearCompleted)}</dd>
              </>
            ) : (
              <>
                <dt>{tr.t("capacity")}</dt>
                <dd>{fmt(d.capacity)}</dd>
              </>
            )}
          </dl>
        ) : (
          <p className="muted">{tr.t("mapLead")}</p>
        )}
      </section>
    </article>
  );
}
