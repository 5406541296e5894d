import type { AnalysisProgress } from "../../api/fetch-analysis.js";
import { useCocreationI18n } from "./cocreation-i18n.js";

/**
 * The state of an analysis for everyone: a status region while it computes (queued, or running with a progress
 * bar and the share done) and an alert when it failed. `computing` is the text shown before the server answers.
 */
export function AnalysisStatus({
  busy,
  progress,
  error,
  computing,
  testId,
}: {
  readonly busy: boolean;
  readonly progress: AnalysisProgress | undefined;
  readonly error: string | undefined;
  readonly computing: string;
  readonly testId?: string;
}) {
  const tr = useCocreationI18n();
  return (
    <>
      <div role="status" data-testid={testId ? `${testId}-status` : undefined}>
        {busy ? (
          <p>
            {progress === undefined
              ? computing
              : progress.status === "queued"
                ? tr.t("analysisQueued")
                : tr.t("analysisRunning", { pct: tr.pct(progress.progress) })}{" "}
            {progress !== undefined ? (
              <progress
                max={1}
                value={progress.status === "queued" ? undefined : progress.progress}
                aria-label={tr.t("analysisProgressLabel")}
              />
            ) : null}
          </p>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="issues" data-testid={testId ? `${testId}-error` : undefined}>
          {tr.t("analysisFailed", { message: error })}
        </p>
      ) : null}
    </>
  );
}
