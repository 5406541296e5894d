import type { Kpis } from "@kera/engine";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { api, errorText, kpisOf, type Scenario } from "../../api/client.js";
import { useI18n } from "../../i18n/i18n.js";
import { kpiCardsOf } from "../public/kpi-cards.js";
import { numericLeaves } from "../workspace/results-view.js";
import { LoginForm } from "../workspace/login-form.js";
import { useSession } from "../workspace/session.js";
import {
  districtBySlug,
  getVersion,
  latestSucceededRun,
  listScenarios,
} from "../workspace/workspace-data.js";
import { diffDocuments } from "./compare-data.js";

interface Loaded {
  readonly scenario: Scenario;
  readonly model: Record<string, unknown>;
  readonly summary: Record<string, unknown> | undefined;
}

const MAX = 4;

/** Two to four scenarios side by side; inputs and indicators that differ from the first are highlighted. */
export function ComparePage({ slug }: { readonly slug: string }) {
  const tr = useI18n();
  const session = useSession();
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<Map<string, Loaded>>(new Map());
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (!session.user) return;
    districtBySlug(slug)
      .then((d) => listScenarios(d.id))
      .then(setScenarios, (e: unknown) => setError(errorText(e)));
  }, [session.user, slug]);

  useEffect(() => {
    for (const id of chosen) {
      if (loaded.has(id)) continue;
      const scenario = scenarios.find((s) => s.id === id);
      if (!scenario?.latestVersionId) continue;
      const versionId = scenario.latestVersionId;
      (async () => {
        const [version, run] = await Promise.all([getVersion(versionId), latestSucceededRun(versionId)]);
        const summary = run
          ? (await api<{ summary: Record<string, unknown> }>("GET", `/runs/${run.id}/summary`)).summary
          : undefined;
        setLoaded((m) => new Map(m).set(id, { scenario, model: version.model, summary }));
      })().catch((e: unknown) => setError(errorText(e)));
    }
  }, [chosen, scenarios, loaded]);

  // Memoised: a new array on every render would make the two tables below recompute on every render.
  const columns = useMemo(
    () => chosen.map((id) => loaded.get(id)).filter((x): x is Loaded => x !== undefined),
    [chosen, loaded],
  );
  const inputRows = useMemo(
    () => (columns.length >= 2 ? diffDocuments(columns.map((c) => c.model)) : []),
    [columns],
  );
  const indicatorRows = useMemo(() => {
    if (columns.length < 2) return [];
    const kpis = columns.map((c) => kpisOf(c.summary));
    if (kpis.every((k): k is Kpis => k !== undefined)) {
      const cards = kpis.map((k) => kpiCardsOf(k, tr));
      return (cards[0] ?? []).map((c, i) => {
        const values = cards.map((cs) => cs[i]?.value ?? "");
        return { label: tr.t(c.label), values, changed: values.map((v) => v !== values[0]) };
      });
    }
    const leaves = columns.map((c) => new Map(numericLeaves(c.summary ?? {})));
    const keys = [...new Set(leaves.flatMap((l) => [...l.keys()]))].sort();
    return keys.map((k) => {
      const values = leaves.map((l) => (l.has(k) ? tr.num(l.get(k), 2) : ""));
      return { label: k, values, changed: values.map((v) => v !== values[0]) };
    });
  }, [columns, tr]);

  if (session.user === undefined) return <p role="status">{tr.t("loading")}</p>;
  if (session.user === null)
    return (
      <article>
        <h1>{tr.t("compareTitle")}</h1>
        <LoginForm onLogin={session.login} />
      </article>
    );

  const toggle = (id: string, on: boolean) =>
    setChosen((c) => (on ? (c.includes(id) || c.length >= MAX ? c : [...c, id]) : c.filter((x) => x !== id)));

  const names = columns.map((c) => ({ id: c.scenario.id, name: c.scenario.name }));
  return (
    <article>
      <h1>{tr.t("compareTitle")}</h1>
      <p className="lead">{tr.t("compareLead")}</p>
      {error ? <p role="alert">{tr.t("errorPrefix", { message: error })}</p> : null}
      <fieldset>
        <legend>{tr.t("compareChoose")}</legend>
        {scenarios.map((s) => (
          <label key={s.id} className="choice">
            <input
              type="checkbox"
              data-testid="compare-choice"
              checked={chosen.includes(s.id)}
              disabled={!chosen.includes(s.id) && chosen.length >= MAX}
              onChange={(e) => toggle(s.id, e.target.checked)}
            />{" "}
            {s.name}
          </label>
        ))}
      </fieldset>
      {columns.length < 2 ? (
        <p>{tr.t("compareNeedTwo")}</p>
      ) : (
        <>
          <section aria-labelledby="cmp-ind-h">
            <h2 id="cmp-ind-h">{tr.t("compareIndicators")}</h2>
            <DiffTable
              testId="compare-indicators"
              labelledBy="cmp-ind-h"
              columns={names}
              rows={indicatorRows.map((r) => ({ ...r, key: r.label, head: r.label }))}
            />
          </section>
          <section aria-labelledby="cmp-in-h">
            <h2 id="cmp-in-h">{tr.t("compareInputs")}</h2>
            {inputRows.length === 0 ? (
              <p>{tr.t("noDifference")}</p>
            ) : (
              <DiffTable
                testId="compare-inputs"
                labelledBy="cmp-in-h"
                columns={names}
                rows={inputRows.map((r) => ({ ...r, key: r.path, head: <code>{r.path}</code> }))}
              />
            )}
          </section>
        </>
      )}
    </article>
  );
}

/** One row per parameter, one column per scenario; cells that differ from the first scenario are marked. */
function DiffTable({
  testId,
  labelledBy,
  columns,
  rows,
}: {
  readonly testId: string;
  readonly labelledBy: string;
  readonly columns: readonly { readonly id: string; readonly name: string }[];
  readonly rows: readonly {
    readonly key: string;
    readonly head: ReactNode;
    readonly values: readonly ReactNode[];
    readonly changed: readonly boolean[];
  }[];
}) {
  const tr = useI18n();
  return (
    <div className="table-wrap" data-testid={testId} tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table>
        <thead>
          <tr>
            <th scope="col">{tr.t("parameter")}</th>
            {columns.map((c) => (
              <th scope="col" key={c.id}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.head}</th>
              {r.values.map((v, i) => (
                <td key={i} className={r.changed[i] ? "changed" : undefined}>
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
