import { useEffect, useRef, useState } from "react";
import { api, errorText, type Run } from "../../api/client.js";
import { useI18n } from "../../i18n/i18n.js";

const FINISHED = new Set(["succeeded", "failed", "cancelled", "interrupted"]);

/** Starts a run of a version, follows its server-sent events (progress, status) and can cancel it. */
export function RunPanel({
  versionId,
  disabled,
  onFinished,
}: {
  readonly versionId: string;
  readonly disabled: boolean;
  readonly onFinished: (run: Run) => void;
}) {
  const tr = useI18n();
  const [run, setRun] = useState<Run | undefined>();
  const [progress, setProgress] = useState<{ fraction: number; message: string | null } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const source = useRef<EventSource | undefined>(undefined);
  useEffect(() => () => source.current?.close(), []);

  const start = async (kind: "simulate" | "optimize") => {
    setError(undefined);
    setProgress(undefined);
    try {
      const r = await api<Run>("POST", `/versions/${versionId}/runs`, { kind });
      setRun(r);
      source.current?.close();
      const es = new EventSource(`/api/v1/runs/${r.id}/events`);
      source.current = es;
      es.addEventListener("progress", (e) => setProgress(JSON.parse((e as MessageEvent<string>).data)));
      es.addEventListener("status", (e) => {
        const next = JSON.parse((e as MessageEvent<string>).data) as Run;
        setRun(next);
        if (FINISHED.has(next.status)) {
          es.close();
          onFinished(next);
        }
      });
      es.onerror = () => {
        // The stream ends after the final status; a dropped stream is re-read once from the run.
        es.close();
        void api<Run>("GET", `/runs/${r.id}`).then((latest) => {
          setRun(latest);
          if (FINISHED.has(latest.status)) onFinished(latest);
        });
      };
    } catch (e) {
      setError(errorText(e));
    }
  };
  const cancel = async () => {
    if (!run) return;
    try {
      setRun(await api<Run>("POST", `/runs/${run.id}/cancel`));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const running = run !== undefined && !FINISHED.has(run.status);
  return (
    <div className="run-panel">
      <p>
        <button
          type="button"
          className="primary"
          disabled={disabled || running}
          onClick={() => void start("simulate")}
          data-testid="run"
        >
          {tr.t("run")}
        </button>{" "}
        <button type="button" disabled={disabled || running} onClick={() => void start("optimize")}>
          {tr.t("optimize")}
        </button>{" "}
        <button type="button" disabled={!running} onClick={() => void cancel()}>
          {tr.t("cancel")}
        </button>
      </p>
      {run ? (
        <div role="status" aria-live="polite">
          <p data-testid="run-status" data-status={run.status}>
            {tr.t("runStatus", { status: run.status })}
            {progress?.message ? ` — ${progress.message}` : ""}
          </p>
          {running ? (
            <progress max={1} value={progress?.fraction ?? 0} aria-label={tr.t("progress")}>
              {tr.pct(progress?.fraction ?? 0)}
            </progress>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="issues">
          {error}
        </p>
      ) : null}
    </div>
  );
}
