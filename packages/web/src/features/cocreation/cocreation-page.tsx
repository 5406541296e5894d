import { useCallback, useEffect, useState, type FormEvent } from "react";
import { api, ApiError, errorText, type District, type Run, type Version } from "../../api/client.js";
import { Field, FieldIssues, FormFooter } from "../../forms/form-parts.js";
import { useCocreationI18n } from "./cocreation-i18n.js";
import { LoginForm } from "../workspace/login-form.js";
import { ResultsView } from "../workspace/results-view.js";
import { RunPanel } from "../workspace/run-panel.js";
import { useSession } from "../workspace/session.js";
import { districtBySlug, getVersion, listScenarios } from "../workspace/workspace-data.js";
import {
  issuesByField,
  listComments,
  listProposals,
  roleOf,
  efficiencyChange,
  parseChangeJson,
  simpleChange,
  type ChangeMode,
  type CocreationRole,
  type Comment,
  type Proposal,
  type ProposalField,
} from "./cocreation-data.js";
import { AlternativesSection } from "./alternatives-section.js";
import { CommentThread } from "./comment-thread.js";
import { CommitmentsSection } from "./commitments-section.js";
import { CooperationSection } from "./cooperation-section.js";
import { ImpactPanel } from "./impact-panel.js";

const idsOf = (items: unknown): string[] =>
  Array.isArray(items)
    ? items.flatMap((x: unknown) =>
        typeof x === "object" && x !== null && typeof (x as { id?: unknown }).id === "string"
          ? [(x as { id: string }).id]
          : [],
      )
    : [];
const pvIdsOf = (items: unknown): string[] =>
  Array.isArray(items)
    ? idsOf(items.filter((x: unknown) => (x as { kind?: unknown } | null)?.kind === "pv"))
    : [];

/** Co-creation: proposals, supports, comments, the admin's decision and the cooperation allocation. */
export function CocreationPage({ slug }: { readonly slug: string }) {
  const tr = useCocreationI18n();
  const session = useSession();
  const [district, setDistrict] = useState<District | undefined>();
  const [base, setBase] = useState<Version | undefined>();
  const [proposals, setProposals] = useState<readonly Proposal[]>([]);
  const [accepted, setAccepted] = useState<Version | undefined>();
  const [runId, setRunId] = useState<string | undefined>();
  const [showCoop, setShowCoop] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const user = session.user;

  const reload = useCallback(async (d: District) => setProposals(await listProposals(d.id)), []);
  useEffect(() => {
    if (!user) return;
    let live = true;
    (async () => {
      const d = await districtBySlug(slug);
      const scenarios = await listScenarios(d.id);
      const s = scenarios.find((x) => x.latestVersionId !== null);
      const v = s?.latestVersionId ? await getVersion(s.latestVersionId) : undefined;
      if (!live) return;
      setDistrict(d);
      setBase(v);
      await reload(d);
    })().catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [user, slug, reload]);

  if (user === undefined) return <p role="status">{tr.t("loading")}</p>;
  if (user === null)
    return (
      <section aria-labelledby="cocreation-h">
        <h1 id="cocreation-h">{tr.t("cocreationTitle")}</h1>
        <LoginForm onLogin={session.login} />
      </section>
    );
  const role = roleOf(user);
  const coopVersion = accepted?.id ?? base?.id;
  return (
    <section aria-labelledby="cocreation-h" className="cocreation">
      <h1 id="cocreation-h">{tr.t("cocreationTitle")}</h1>
      <p>{tr.t("cocreationLead")}</p>
      {error ? (
        <p role="alert" className="issues">
          {tr.t("errorPrefix", { message: error })}
        </p>
      ) : null}
      {!district ? <p role="status">{tr.t("loading")}</p> : null}
      {district ? (
        <section aria-labelledby="proposals-h">
          <h2 id="proposals-h">{tr.t("proposalsTitle")}</h2>
          {proposals.length === 0 ? <p>{tr.t("proposalsNone")}</p> : null}
          <ul className="proposals" data-testid="proposals">
            {proposals.map((p) => (
              <ProposalItem
                key={p.id}
                proposal={p}
                proposals={proposals}
                districtId={district.id}
                role={role}
                onChanged={() => void reload(district).catch((e: unknown) => setError(errorText(e)))}
                onAccepted={(v) => {
                  setAccepted(v);
                  setRunId(undefined);
                }}
              />
            ))}
          </ul>
        </section>
      ) : null}
      {accepted ? (
        <section aria-labelledby="accepted-h" data-testid="accepted-version" data-version={accepted.id}>
          <h2 id="accepted-h">{tr.t("acceptedVersionTitle")}</h2>
          <p>{tr.t("acceptedVersionText", { message: accepted.message, id: accepted.id })}</p>
          <RunPanel
            versionId={accepted.id}
            disabled={false}
            onFinished={(r: Run) => r.status === "succeeded" && setRunId(r.id)}
          />
          {runId ? <ResultsView runId={runId} /> : null}
        </section>
      ) : null}
      {district && base && (role === "partner" || role === "admin") ? (
        <ProposalForm
          districtId={district.id}
          base={base}
          onCreated={() => void reload(district).catch((e: unknown) => setError(errorText(e)))}
        />
      ) : null}
      {district && base ? (
        <CommitmentsSection
          districtId={district.id}
          base={base}
          proposals={proposals}
          role={role}
          user={user}
        />
      ) : null}
      {coopVersion && role !== "resident" ? (
        showCoop ? (
          <CooperationSection versionId={coopVersion} />
        ) : (
          <p>
            <button type="button" onClick={() => setShowCoop(true)} data-testid="show-cooperation">
              {tr.t("coopShow")}
            </button>
          </p>
        )
      ) : null}
      {coopVersion && role !== "resident" ? <AlternativesSection versionId={coopVersion} /> : null}
    </section>
  );
}

function ProposalForm({
  districtId,
  base,
  onCreated,
}: {
  readonly districtId: string;
  readonly base: Version;
  readonly onCreated: () => void;
}) {
  const tr = useCocreationI18n();
  const stakeholders = idsOf(base.model.stakeholders);
  const pvIds = pvIdsOf(base.model.assets);
  const groups = idsOf(base.model.buildingGroups);
  const [title, setTitle] = useState("");
  const [rationale, setRationale] = useState("");
  const [mode, setMode] = useState<ChangeMode>("resize");
  const [groupId, setGroupId] = useState(groups[0] ?? "");
  const [eValue, setEValue] = useState("");
  const [json, setJson] = useState("");
  const [assetId, setAssetId] = useState(pvIds[0] ?? "");
  const [kind, setKind] = useState("pv");
  const [capacity, setCapacity] = useState("");
  const [investment, setInvestment] = useState("");
  const [payer, setPayer] = useState("");
  const [operator, setOperator] = useState("");
  const [issues, setIssues] = useState<Partial<Record<ProposalField, string[]>>>({});
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setIssues({});
    setError(undefined);
    setDone(false);
    let change: Record<string, unknown>;
    if (mode === "json") {
      const parsed = parseChangeJson(json);
      if (!parsed.ok) {
        setIssues({
          change: [
            parsed.reason === "syntax"
              ? tr.t("proposalJsonInvalid", { message: parsed.message })
              : tr.t("proposalJsonNotObject"),
          ],
        });
        setBusy(false);
        return;
      }
      change = parsed.change;
    } else if (mode === "efficiency") {
      change = efficiencyChange({ groupId, eValue: Number(eValue) });
    } else {
      change = simpleChange({ assetId, kind: mode === "new" ? kind : undefined, capacity: Number(capacity) });
    }
    try {
      await api("POST", `/districts/${districtId}/proposals`, {
        baseVersionId: base.id,
        title,
        rationale,
        change,
        investmentEur: investment === "" ? null : Number(investment),
        payer: payer === "" ? null : payer,
        operator: operator === "" ? null : operator,
      });
      setDone(true);
      setTitle("");
      setRationale("");
      onCreated();
    } catch (err) {
      // A problem's issues are shown at their fields; the alert above the button gives its message.
      if (err instanceof ApiError && err.issues.length > 0) setIssues(issuesByField(err.issues, mode));
      setError(err instanceof ApiError ? err.message : errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const described = (f: ProposalField) => (issues[f]?.length ? `issue-${f}` : undefined);
  const text = (f: ProposalField, label: string, value: string, set: (v: string) => void, type = "text") => (
    <Field id={`prop-${f}`} label={label}>
      <input
        id={`prop-${f}`}
        type={type}
        value={value}
        required={f === "title" || f === "capacity" || f === "assetId" || f === "eValue"}
        aria-invalid={issues[f]?.length ? true : undefined}
        aria-describedby={described(f)}
        onChange={(e) => set(e.target.value)}
      />
      <FieldIssues id={`issue-${f}`} messages={issues[f]} />
    </Field>
  );
  /** A choice among ids; `none` adds an empty first option with that text. */
  const select = (
    f: ProposalField,
    label: string,
    value: string,
    set: (v: string) => void,
    options: readonly string[],
    none?: string,
  ) => (
    <Field id={`prop-${f}`} label={label}>
      <select
        id={`prop-${f}`}
        value={value}
        aria-invalid={issues[f]?.length ? true : undefined}
        aria-describedby={described(f)}
        onChange={(e) => set(e.target.value)}
      >
        {none === undefined ? null : <option value="">{none}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <FieldIssues id={`issue-${f}`} messages={issues[f]} />
    </Field>
  );
  return (
    <form className="proposal-form" onSubmit={(e) => void submit(e)} aria-labelledby="propose-h">
      <h2 id="propose-h">{tr.t("proposeTitle")}</h2>
      {text("title", tr.t("proposalTitle"), title, setTitle)}
      <Field id="prop-rationale" label={tr.t("proposalRationale")}>
        <textarea
          id="prop-rationale"
          value={rationale}
          aria-describedby={described("rationale")}
          onChange={(e) => setRationale(e.target.value)}
        />
        <FieldIssues id="issue-rationale" messages={issues.rationale} />
      </Field>
      <fieldset>
        <legend>{tr.t("proposalChange")}</legend>
        {(
          [
            ["resize", tr.t("proposalResize")],
            ["new", tr.t("proposalNewAsset")],
            ["efficiency", tr.t("proposalEfficiency")],
            ["json", tr.t("proposalJson")],
          ] as const
        ).map(([m, label]) => (
          <label key={m} className="choice">
            <input
              type="radio"
              name="mode"
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
              data-testid={`mode-${m}`}
            />{" "}
            {label}
          </label>
        ))}
        {mode === "resize" ? select("assetId", tr.t("proposalAsset"), assetId, setAssetId, pvIds) : null}
        {mode === "new" ? (
          <>
            {text("assetId", tr.t("proposalAssetId"), assetId, setAssetId)}
            {text("kind", tr.t("kind"), kind, setKind)}
          </>
        ) : null}
        {mode === "resize" || mode === "new"
          ? text("capacity", tr.t("proposalCapacity"), capacity, setCapacity, "number")
          : null}
        {mode === "efficiency" ? (
          <>
            {select("groupId", tr.t("proposalGroup"), groupId, setGroupId, groups)}
            {text("eValue", tr.t("proposalEValue"), eValue, setEValue, "number")}
          </>
        ) : null}
        {mode === "json" ? (
          <Field id="prop-change" label={tr.t("proposalJsonLabel")}>
            <p id="prop-change-help" className="muted">
              {tr.t("proposalJsonHelp")}
            </p>
            <textarea
              id="prop-change"
              value={json}
              required
              rows={6}
              spellCheck={false}
              placeholder='{"assets": [{"id": "hp-supermarket", "capacity": 400}]}'
              aria-invalid={issues.change?.length ? true : undefined}
              aria-describedby={`prop-change-help${issues.change?.length ? " issue-change" : ""}`}
              onChange={(e) => setJson(e.target.value)}
              data-testid="proposal-json"
            />
          </Field>
        ) : null}
        <FieldIssues id="issue-change" messages={issues.change} />
      </fieldset>
      {text("investmentEur", tr.t("proposalInvestment"), investment, setInvestment, "number")}
      {select("payer", tr.t("proposalPayer"), payer, setPayer, stakeholders, tr.t("proposalNoStakeholder"))}
      {select(
        "operator",
        tr.t("proposalOperator"),
        operator,
        setOperator,
        stakeholders,
        tr.t("proposalNoStakeholder"),
      )}
      <FormFooter
        error={error ? tr.t("errorPrefix", { message: error }) : undefined}
        errorTestId="proposal-error"
        status={done ? tr.t("proposalCreated") : undefined}
        submit={tr.t("proposeSubmit")}
        disabled={busy}
        submitTestId="propose"
      />
    </form>
  );
}

function ProposalItem({
  proposal: p,
  proposals,
  districtId,
  role,
  onChanged,
  onAccepted,
}: {
  readonly proposal: Proposal;
  readonly proposals: readonly Proposal[];
  readonly districtId: string;
  readonly role: CocreationRole;
  readonly onChanged: () => void;
  readonly onAccepted: (v: Version) => void;
}) {
  const tr = useCocreationI18n();
  const [comments, setComments] = useState<readonly Comment[]>([]);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const loadComments = useCallback(
    () => listComments(districtId, p.id).then(setComments, (e: unknown) => setError(errorText(e))),
    [districtId, p.id],
  );
  useEffect(() => {
    void loadComments();
  }, [loadComments]);
  const act = async (f: () => Promise<void>) => {
    setError(undefined);
    try {
      await f();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const open = p.status === "open";
  const h = `proposal-${p.id}-h`;
  return (
    <li className="proposal" data-testid="proposal" data-status={p.status} aria-labelledby={h}>
      <h3 id={h}>{p.title}</h3>
      <p>
        {tr.t("proposalMeta", {
          organisation: p.organisation ?? "–",
          status: tr.t(`proposalStatus_${p.status}`),
          supports: p.supportCount,
        })}
      </p>
      {p.rationale ? <p>{p.rationale}</p> : null}
      {p.decisionReason ? <p>{tr.t("proposalDecisionReason", { reason: p.decisionReason })}</p> : null}
      {p.status === "open" || p.status === "accepted" ? (
        <ImpactPanel proposal={p} proposals={proposals} headingId={h} />
      ) : null}
      {error ? (
        <p role="alert" className="issues">
          {error}
        </p>
      ) : null}
      {open && (role === "partner" || role === "resident") ? (
        <p>
          <button
            type="button"
            disabled={p.supportedByMe}
            aria-pressed={p.supportedByMe}
            data-testid="support"
            onClick={() =>
              void act(async () => {
                await api("POST", `/proposals/${p.id}/support`);
                onChanged();
              })
            }
          >
            {p.supportedByMe ? tr.t("proposalSupported") : tr.t("proposalSupport")}
          </button>
        </p>
      ) : null}
      {open && role === "admin" ? (
        <div className="decision">
          <p>
            <button
              type="button"
              className="primary"
              data-testid="accept"
              onClick={() =>
                void act(async () => {
                  const r = await api<{ version: Version }>("POST", `/proposals/${p.id}/accept`);
                  onAccepted(r.version);
                  onChanged();
                })
              }
            >
              {tr.t("proposalAccept")}
            </button>
          </p>
          <Field id={`reason-${p.id}`} label={tr.t("proposalDeclineReason")}>
            <input id={`reason-${p.id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <p>
            <button
              type="button"
              disabled={reason.trim() === ""}
              data-testid="decline"
              onClick={() =>
                void act(async () => {
                  await api("POST", `/proposals/${p.id}/decline`, { reason });
                  onChanged();
                })
              }
            >
              {tr.t("proposalDecline")}
            </button>
          </p>
        </div>
      ) : null}
      <CommentThread
        districtId={districtId}
        target={{ proposalId: p.id }}
        comments={comments}
        canComment={role !== "other"}
        canModerate={role === "admin"}
        heading={tr.t("commentsTitle")}
        headingLevel={4}
        idPrefix={`proposal-${p.id}`}
        onChanged={loadComments}
      />
    </li>
  );
}
