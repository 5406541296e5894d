import type { JobEvent, ServerJobs } from "./ports.js";

/** The live listeners of runs, by run id: what both ServerJobs adapters (inline, queue) hand their events to. */
export function createRunListeners(): {
  emit(runId: string, e: JobEvent): void;
  subscribe: ServerJobs["subscribe"];
} {
  const listeners = new Map<string, Set<(e: JobEvent) => void>>();
  return {
    emit(runId, e) {
      for (const l of listeners.get(runId) ?? []) l(e);
    },
    subscribe(runId, listener) {
      let set = listeners.get(runId);
      if (!set) listeners.set(runId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(runId);
      };
    },
  };
}
