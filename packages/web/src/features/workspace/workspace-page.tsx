import { useCallback, useEffect, useRef, useState } from "react";
import {
  api,
  ApiError,
  errorText,
  type ApiIssue,
  type District,
  type ModelInputs,
  type Scenario,
  type Version,
  type VersionMeta,
} from "../../api/client.js";
import { useI18n } from "../../i18n/i18n.js";
import { WhatIf } from "../what-if/what-if-page.js";
import { LoginForm } from "./login-form.js";
import { ModelEditor } from "./model-editor.js";
import { ResultsView } from "./results-view.js";
import { RunPanel } from "./run-panel.js";
import { scenarioTree, versionTree, type TreeNode } from "./scenario-tree.js";
import { useSession } from "./session.js";
import { districtBySlug, getVersion, settledRunId, listScenarios, listVersions } from "./workspace-data.js";

function Tree<T extends { id: string }>({
  nodes,
  label,
  current,
  onSelect,
  testId,
}: {
  readonly nodes: readonly TreeNode<T>[];
  readonly label: (t: T) => string;
  readonly current: string | undefined;
  readonly onSelect: (t: T) => void;
  readonly testId: string;
}) {
  return (
    <ul>
      {nodes.map((n) => (
        <li key={n.item.id}>
          <button
            type="button"
            aria-current={n.item.id === current ? "true" : undefined}
            onClick={() => onSelect(n.item)}
            data-testid={testId}
          >
            {label(n.item)}
          </button>
          {n.children.length > 0 ? (
            <Tree nodes={n.children} label={label} current={current} onSelect={onSelect} testId={testId} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Scenario workspace: the tree of scenarios and versions, the editor, runs with progress, results. */
export function WorkspacePage({ slug }: { readonly slug: string }) {
  const tr = useI18n();
  const session = useSession();
  const [district, setDistrict] = useState<District | undefined>();
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const [scenario, setScenario] = useState<Scenario | undefined>();
  const [versions, setVersions] = useState<VersionMeta[]>([]);
  const [version, setVersion] = useState<Version | undefined>();
  const [draft, setDraft] = useState<Record<string, unknown> | undefined>();
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [runId, setRunId] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState("");
  const [branchName, setBranchName] = useState("");
  const [inputs, setInputs] = useState<ModelInputs | undefined>();
  const [showWhatIf, setShowWhatIf] = useState(false);
  const fail = (e: unknown) => setError(errorText(e));

  const shownVersion = useRef<string | undefined>(undefined);
  const openVersion = useCallback(async (id: string) => {
    shownVersion.current = id;
    const v = await getVersion(id);
    if (shownVersion.current !== id) return; // another version was chosen meanwhile
    setVersion(v);
    setDraft(v.model);
    setIssues([]);
    setInputs(undefined);
    setShowWhatIf(false);
    setRunId(undefined);
    const settled = await settledRunId(id);
    if (shownVersion.current === id) setRunId(settled);
  }, []);

  const openScenario = useCallback(
    async (s: Scenario, versionId?: string) => {
      setScenario(s);
      const vs = await listVersions(s.id);
      setVersions(vs);
      const id = versionId ?? s.latestVersionId ?? vs[vs.length - 1]?.id;
      if (id) await openVersion(id);
    },
    [openVersion],
  );

  useEffect(() => {
    if (!session.user) return;
    (async () => {
      const d = await districtBySlug(slug);
      setDistrict(d);
      const list = await listScenarios(d.id);
      setScenarios(list);
      const first = list.find((s) => s.parentScenarioId === null) ?? list[0];
      if (first) await openScenario(first);
    })().catch(fail);
  }, [session.user, slug, openScenario]);

  if (session.user === undefined) return <p role="status">{tr.t("loading")}</p>;
  if (session.user === null)
    return (
      <article>
        <h1>{tr.t("scenarios")}</h1>
        <LoginForm onLogin={session.login} />
      </article>
    );

  const refreshScenarios = async () => district && setScenarios(await listScenarios(district.id));
  const save = async () => {
    if (!scenario || !version || !draft) return;
    setError(undefined);
    try {
      const v = await api<Version>("POST", `/scenarios/${scenario.id}/versions`, {
        parentVersionId: version.id,
        model: draft,
        message: message || tr.t("saved"),
      });
      setMessage("");
      await refreshScenarios();
      await openScenario({ ...scenario, latestVersionId: v.id }, v.id);
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) setIssues([...e.issues]);
      else fail(e);
    }
  };
  const branch = async () => {
    if (!scenario || !version) return;
    setError(undefined);
    try {
      const s = await api<Scenario>("POST", `/scenarios/${scenario.id}/branch`, {
        name: branchName || `${scenario.name} (2)`,
        fromVersionId: version.id,
      });
      setBranchName("");
      await refreshScenarios();
      await openScenario(s);
    } catch (e) {
      fail(e);
    }
  };
  const changed =
    draft !== undefined && version !== undefined && JSON.stringify(draft) !== JSON.stringify(version.model);

  return (
    <article>
      <h1>{tr.t("scenarios")}</h1>
      <p>
        {tr.t("signedInAs", { name: session.user.displayName ?? session.user.email })}{" "}
        <button type="button" onClick={() => void session.logout()}>
          {tr.t("signOut")}
        </button>
      </p>
      {error ? (
        <p role="alert" className="issues">
          {tr.t("errorPrefix", { message: error })}
        </p>
      ) : null}
      <div className="workspace">
        <nav className="tree" aria-label={tr.t("scenarios")}>
          <h2>{tr.t("scenarios")}</h2>
          <Tree
            nodes={scenarioTree(scenarios)}
            label={(s) => s.name}
            current={scenario?.id}
            onSelect={(s) => void openScenario(s).catch(fail)}
            testId="scenario"
          />
          <h2>{tr.t("versions")}</h2>
          <Tree
            nodes={versionTree(versions)}
            label={(v) => `${v.message || v.id.slice(0, 12)} · ${tr.date(v.createdAt)}`}
            current={version?.id}
            onSelect={(v) => void openVersion(v.id).catch(fail)}
            testId="version"
          />
          <div className="field">
            <label htmlFor="branch-name">{tr.t("branchName")}</label>
            <input id="branch-name" value={branchName} onChange={(e) => setBranchName(e.target.value)} />
          </div>
          <p>
            <button type="button" onClick={() => void branch()} data-testid="branch">
              {tr.t("newScenario")}
            </button>
          </p>
        </nav>
        <div>
          {version && draft && version.scenarioId === scenario?.id ? (
            <>
              <h2>{scenario?.name}</h2>
              <RunPanel
                versionId={version.id}
                disabled={changed}
                onFinished={(r) => r.status === "succeeded" && setRunId(r.id)}
              />
              <section aria-labelledby="results-h">
                <h2 id="results-h">{tr.t("results")}</h2>
                {runId ? <ResultsView runId={runId} /> : <p>{tr.t("noResults")}</p>}
              </section>
              <section aria-labelledby="what-if-h" className="no-print">
                <h2 id="what-if-h">{tr.t("whatIfTitle")}</h2>
                {showWhatIf && inputs ? (
                  <WhatIf inputs={inputs} />
                ) : (
                  <button
                    type="button"
                    onClick={() => {
                      setShowWhatIf(true);
                      void api<ModelInputs>("GET", `/versions/${version.id}/inputs`).then(setInputs, fail);
                    }}
                  >
                    {tr.t("whatIfTitle")}
                  </button>
                )}
              </section>
              <section aria-labelledby="editor-h" className="no-print">
                <h2 id="editor-h">{tr.t("editor")}</h2>
                <div className="field">
                  <label htmlFor="save-message">{tr.t("saveMessage")}</label>
                  <input id="save-message" value={message} onChange={(e) => setMessage(e.target.value)} />
                </div>
                <p>
                  <button
                    type="button"
                    className="primary"
                    disabled={!changed}
                    onClick={() => void save()}
                    data-testid="save"
                  >
                    {tr.t("save")}
                  </button>
                </p>
                <ModelEditor model={draft} issues={issues} onChange={setDraft} />
              </section>
            </>
          ) : (
            <p role="status">{tr.t("loading")}</p>
          )}
        </div>
      </div>
    </article>
  );
}
