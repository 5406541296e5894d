import { useCallback, useEffect, useRef, useState } from "react";
import { errorText } from "../../api/client.js";
import type { AnalysisProgress, FetchAnalysisOptions } from "../../api/fetch-analysis.js";

export interface AnalysisState<T> {
  readonly data: T | undefined;
  readonly error: string | undefined;
  /** Set while the server computes (202); undefined before the first answer and once done. */
  readonly progress: AnalysisProgress | undefined;
  readonly busy: boolean;
  /** Starts loading (aborting a load in progress); `load` gets the signal and progress callback. */
  readonly start: (load: (options: FetchAnalysisOptions) => Promise<T>) => void;
}

/** State of an analysis loaded with fetchAnalysis: result, progress, error; aborted on unmount or restart. */
export function useAnalysis<T>(): AnalysisState<T> {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [progress, setProgress] = useState<AnalysisProgress | undefined>();
  const [busy, setBusy] = useState(false);
  const current = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => current.current?.abort(), []);
  const start = useCallback((load: (options: FetchAnalysisOptions) => Promise<T>) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setBusy(true);
    setError(undefined);
    setProgress(undefined);
    load({
      signal: controller.signal,
      onProgress: (p) => {
        if (!controller.signal.aborted) setProgress(p);
      },
    }).then(
      (d) => {
        if (controller.signal.aborted) return;
        setData(d);
        setBusy(false);
        setProgress(undefined);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(errorText(e));
        setBusy(false);
        setProgress(undefined);
      },
    );
  }, []);
  return { data, error, progress, busy, start };
}
