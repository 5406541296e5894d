import { useCallback, useEffect, useState, type FormEvent } from "react";
import { ApiError, errorText, type User, type Version } from "../../api/client.js";
import { Field, FieldIssues, FormFooter } from "../../forms/form-parts.js";
import {
  commitmentBody,
  commitmentIssues,
  createCommitment,
  getTracker,
  listCommitments,
  listStakeholders,
  type Commitment,
  type CommitmentField,
  type Stakeholder,
  type Tracker,
  type TrackerRow,
} from "./analysis-data.js";
import { AnalysisStatus } from "./analysis-status.js";
import type { CocreationRole, Proposal } from "./cocreation-data.js";
import { useCocreationI18n, type CocreationTranslator } from "./cocreation-i18n.js";
import { useAnalysis } from "./use-analysis.js";

/** Building groups of the base document: id and name. */
function buildingGroupsOf(model: Record<string, unknown>): { id: string; name: string }[] {
  const items = Array.isArray(model.buildingGroups) ? (model.buildingGroups as unknown[]) : [];
  return items.flatMap((x) => {
    const g = x as { id?: unknown; name?: unknown } | null;
    return typeof g?.id === "string" ? [{ id: g.id, name: typeof g.name === "string" ? g.name : g.id }] : [];
  });
}

/**
 * Commitments (list and, for partners and admins, a form with the API's 422 issues next to the fields) and the
 * target tracker (GET /districts/{id}/tracker, a job): per target year needed, now and with the commitments.
 */
export function CommitmentsSection({
  districtId,
  base,
  proposals,
  role,
  user,
}: {
  readonly districtId: string;
  readonly base: Version;
  readonly proposals: readonly Proposal[];
  readonly role: CocreationRole;
  readonly user: User;
}) {
  const tr = useCocreationI18n();
  const [commitments, setCommitments] = useState<readonly Commitment[]>([]);
  const [stakeholders, setStakeholders] = useState<readonly Stakeholder[]>([]);
  const [error, setError] = useState<string | undefined>();
  const tracker = useAnalysis<Tracker>();
  const groups = buildingGroupsOf(base.model);
  const canCommit = role === "admin" || role === "partner";

  const reload = useCallback(
    () => listCommitments(districtId).then(setCommitments, (e: unknown) => setError(errorText(e))),
    [districtId],
  );
  useEffect(() => {
    void reload();
    if (canCommit) listStakeholders(districtId).then(setStakeholders, (e: unknown) => setError(errorText(e)));
  }, [districtId, canCommit, reload]);
  const startAnalysis = tracker.start;
  const startTracker = useCallback(
    () => startAnalysis((o) => getTracker(districtId, base.scenarioId, o)),
    [startAnalysis, districtId, base.scenarioId],
  );
  const stakeholderName = (id: string) => stakeholders.find((s) => s.id === id)?.name ?? id;
  const targetText = (c: Commitment) =>
    c.proposalId !== null
      ? tr.t("commitmentProposal", {
          title: proposals.find((p) => p.id === c.proposalId)?.title ?? c.proposalId,
        })
      : tr.t("commitmentGroup", {
          name: groups.find((g) => g.id === c.buildingGroupId)?.name ?? c.buildingGroupId ?? "–",
        });
  const organisations = new Set(user.memberships.map((m) => m.organisation));
  const mine =
    role === "admin"
      ? stakeholders
      : stakeholders.filter((s) => s.organisation !== null && organisations.has(s.organisation));

  return (
    <section aria-labelledby="commitments-h" className="commitments" data-testid="commitments">
      <h2 id="commitments-h">{tr.t("commitmentsTitle")}</h2>
      <p>{tr.t("commitmentsLead")}</p>
      {error ? (
        <p role="alert" className="issues">
          {tr.t("errorPrefix", { message: error })}
        </p>
      ) : null}
      {commitments.length === 0 ? (
        <p>{tr.t("commitmentsNone")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="commitment-list">
            <caption>{tr.t("commitmentsTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{tr.t("commitmentStakeholder")}</th>
                <th scope="col">{tr.t("commitmentTarget")}</th>
                <th scope="col">{tr.t("commitmentYear")}</th>
                <th scope="col">{tr.t("commitmentDescription")}</th>
              </tr>
            </thead>
            <tbody>
              {commitments.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{stakeholderName(c.stakeholderId)}</th>
                  <td>{targetText(c)}</td>
                  <td>{c.year}</td>
                  <td>{c.description || "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canCommit ? (
        <CommitmentForm
          districtId={districtId}
          stakeholders={mine}
          proposals={proposals.filter((p) => p.status === "open" || p.status === "accepted")}
          groups={groups}
          onCreated={() => {
            void reload();
            startTracker();
          }}
        />
      ) : null}
      <h3 id="tracker-h">{tr.t("trackerTitle")}</h3>
      <p>
        <button type="button" disabled={tracker.busy} onClick={startTracker} data-testid="tracker-show">
          {tracker.data ? tr.t("trackerRefresh") : tr.t("trackerShow")}
        </button>
      </p>
      <AnalysisStatus
        busy={tracker.busy}
        progress={tracker.progress}
        error={tracker.error}
        computing={tr.t("loading")}
        testId="tracker"
      />
      {tracker.data ? <TrackerTable tracker={tracker.data} proposals={proposals} /> : null}
    </section>
  );
}

function TrackerTable({
  tracker,
  proposals,
}: {
  readonly tracker: Tracker;
  readonly proposals: readonly Proposal[];
}) {
  const tr = useCocreationI18n();
  if (tracker.targets.length === 0) return <p>{tr.t("trackerNoTargets")}</p>;
  const ratio = (v: number | null | undefined) =>
    v === null || v === undefined ? tr.t("trackerNoTarget") : tr.pct(v, 1);
  const tonnes = (kg: number | null | undefined) =>
    kg === null || kg === undefined ? tr.t("trackerNoTarget") : tr.num(kg / 1000, 1);
  const met = (ok: boolean) => (ok ? tr.t("trackerMet") : tr.t("trackerNotMet"));
  const titleOf = (id: string) => proposals.find((p) => p.id === id)?.title ?? id;
  return (
    <div className="table-wrap">
      <table data-testid="tracker">
        <caption>{tr.t("trackerCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{tr.t("trackerYear")}</th>
            <th scope="col">{tr.t("trackerEpNeeded")}</th>
            <th scope="col">{tr.t("trackerEpNow")}</th>
            <th scope="col">{tr.t("trackerEpCommitted")}</th>
            <th scope="col">{tr.t("trackerCo2Max")}</th>
            <th scope="col">{tr.t("trackerCo2Now")}</th>
            <th scope="col">{tr.t("trackerCo2Committed")}</th>
            <th scope="col">{tr.t("trackerMetNow")}</th>
            <th scope="col">{tr.t("trackerMetCommitted")}</th>
            <th scope="col">{tr.t("trackerMissing")}</th>
            <th scope="col">{tr.t("trackerCommitted")}</th>
          </tr>
        </thead>
        <tbody>
          {tracker.targets.map((row) => (
            <tr key={row.year} data-year={row.year} data-met={String(row.met.withCommitments)}>
              <th scope="row">{row.year}</th>
              <td>{ratio(row.needed.energyPositivityRatio)}</td>
              <td>{tr.pct(tracker.current.energyPositivityRatio, 1)}</td>
              <td>{tr.pct(row.withCommitments.energyPositivityRatio, 1)}</td>
              <td>{tonnes(row.needed.co2MaxKg)}</td>
              <td>{tr.num(tracker.current.co2NetKg / 1000, 1)}</td>
              <td>{tr.num(row.withCommitments.co2NetKg / 1000, 1)}</td>
              <td>{met(row.met.current)}</td>
              <td>{met(row.met.withCommitments)}</td>
              <td data-testid="tracker-missing">{missingText(tr, row)}</td>
              <td>
                {row.committedProposals.length === 0
                  ? tr.t("trackerNoneCommitted")
                  : row.committedProposals.map(titleOf).join(", ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What is still missing with the commitments: energy positivity (percentage points) and/or net CO2 (t/a). */
function missingText(tr: CocreationTranslator, row: TrackerRow): string {
  if (row.met.withCommitments) return tr.t("trackerMissingNothing");
  const parts: string[] = [];
  const ratio = row.missing.energyPositivityRatio;
  if (ratio !== null && ratio > 0) parts.push(tr.t("trackerMissingRatio", { value: tr.num(ratio * 100, 1) }));
  const co2 = row.missing.co2Kg;
  if (co2 !== null && co2 > 0) parts.push(tr.t("trackerMissingCo2", { value: tr.num(co2 / 1000, 1) }));
  return parts.length === 0 ? tr.t("trackerMissingNothing") : parts.join("; ");
}

function CommitmentForm({
  districtId,
  stakeholders,
  proposals,
  groups,
  onCreated,
}: {
  readonly districtId: string;
  readonly stakeholders: readonly Stakeholder[];
  readonly proposals: readonly Proposal[];
  readonly groups: readonly { id: string; name: string }[];
  readonly onCreated: () => void;
}) {
  const tr = useCocreationI18n();
  const [stakeholderId, setStakeholderId] = useState("");
  const [target, setTarget] = useState("");
  const [year, setYear] = useState("");
  const [description, setDescription] = useState("");
  const [issues, setIssues] = useState<Partial<Record<CommitmentField, string[]>>>({});
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  // A partner speaking for one stakeholder has it chosen already.
  const only = stakeholders.length === 1 ? stakeholders[0]?.id : undefined;
  useEffect(() => {
    if (only !== undefined) setStakeholderId(only);
  }, [only]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setIssues({});
    setError(undefined);
    setDone(false);
    try {
      await createCommitment(districtId, commitmentBody({ stakeholderId, target, year, description }));
      setDone(true);
      setDescription("");
      onCreated();
    } catch (err) {
      // A problem's issues are shown at their fields; the alert above the button gives its message.
      if (err instanceof ApiError && err.issues.length > 0) setIssues(commitmentIssues(err.issues));
      setError(err instanceof ApiError ? err.message : errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const invalid = (f: CommitmentField) => (issues[f]?.length ? true : undefined);
  const described = (f: CommitmentField) => (issues[f]?.length ? `commit-issue-${f}` : undefined);
  const fieldIssues = (f: CommitmentField) => <FieldIssues id={`commit-issue-${f}`} messages={issues[f]} />;
  return (
    <form className="commitment-form" onSubmit={(e) => void submit(e)} aria-labelledby="commit-h">
      <h3 id="commit-h">{tr.t("commitTitle")}</h3>
      <Field id="commit-stakeholderId" label={tr.t("commitmentStakeholder")}>
        <select
          id="commit-stakeholderId"
          value={stakeholderId}
          aria-invalid={invalid("stakeholderId")}
          aria-describedby={described("stakeholderId")}
          onChange={(e) => setStakeholderId(e.target.value)}
        >
          <option value="">{tr.t("commitChoose")}</option>
          {stakeholders.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {fieldIssues("stakeholderId")}
      </Field>
      <Field id="commit-target" label={tr.t("commitmentTarget")}>
        <select
          id="commit-target"
          value={target}
          required
          aria-invalid={invalid("target")}
          aria-describedby={described("target")}
          onChange={(e) => setTarget(e.target.value)}
        >
          <option value="">{tr.t("commitChoose")}</option>
          {proposals.length > 0 ? (
            <optgroup label={tr.t("commitProposals")}>
              {proposals.map((p) => (
                <option key={p.id} value={`proposal:${p.id}`}>
                  {p.title}
                </option>
              ))}
            </optgroup>
          ) : null}
          {groups.length > 0 ? (
            <optgroup label={tr.t("commitGroups")}>
              {groups.map((g) => (
                <option key={g.id} value={`group:${g.id}`}>
                  {g.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
        {fieldIssues("target")}
      </Field>
      <Field id="commit-year" label={tr.t("commitmentYear")}>
        <input
          id="commit-year"
          type="number"
          inputMode="numeric"
          value={year}
          required
          aria-invalid={invalid("year")}
          aria-describedby={described("year")}
          onChange={(e) => setYear(e.target.value)}
        />
        {fieldIssues("year")}
      </Field>
      <Field id="commit-description" label={tr.t("commitmentDescription")}>
        <textarea
          id="commit-description"
          value={description}
          aria-invalid={invalid("description")}
          aria-describedby={described("description")}
          onChange={(e) => setDescription(e.target.value)}
        />
        {fieldIssues("description")}
      </Field>
      <FormFooter
        error={
          error ? (
            <>
              {tr.t("errorPrefix", { message: error })}
              {issues.form?.length ? ` ${issues.form.join("; ")}` : null}
            </>
          ) : undefined
        }
        errorTestId="commit-error"
        status={done ? tr.t("commitCreated") : undefined}
        submit={tr.t("commitSubmit")}
        disabled={busy}
        submitTestId="commit"
      />
    </form>
  );
}
