/** Listener bookkeeping shared by the adapters: per-job and global listeners, ordered by `seq`. */
import type { JobEvent, JobListener, JobSnapshot } from "./types.js";

/** The event that describes a snapshot's current state (used to replay state to new subscribers). */
export function snapshotEvent(s: JobSnapshot): JobEvent {
  const base = { jobId: s.id, seq: s.seq, at: s.finishedAt ?? s.startedAt ?? s.createdAt };
  switch (s.status) {
    case "queued":
      return { ...base, type: "queued", kind: s.kind, inputHash: s.inputHash };
    case "running":
      return s.progress > 0 || s.message !== null
        ? { ...base, type: "progress", fraction: s.progress, message: s.message }
        : { ...base, type: "started", workerId: s.workerId ?? "" };
    case "succeeded":
      return { ...base, type: "succeeded", result: s.result, cached: s.cached };
    case "failed":
      return { ...base, type: "failed", error: s.error ?? { code: "unknown", message: "failed" } };
    case "cancelled":
      return { ...base, type: "cancelled" };
    case "interrupted":
      return {
        ...base,
        type: "interrupted",
        error: s.error ?? { code: "interrupted", message: "interrupted" },
      };
  }
}

function isTerminalEvent(e: JobEvent): boolean {
  return e.type === "succeeded" || e.type === "failed" || e.type === "cancelled" || e.type === "interrupted";
}

interface Subscription {
  listener: JobListener;
  lastSeq: number;
  done: boolean;
  /** Events that arrived before the replayed snapshot was delivered. */
  pending: JobEvent[] | undefined;
}

export class EventHub {
  readonly #byJob = new Map<string, Set<Subscription>>();
  readonly #all = new Set<JobListener>();
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void = () => {}) {
    this.#onError = onError;
  }

  /**
   * Subscribes to one job; `load` fetches its current snapshot, which is delivered first. Live events
   * arriving meanwhile are held back, then delivered if newer.
   */
  subscribe(jobId: string, listener: JobListener, load: () => Promise<JobSnapshot | undefined>): () => void {
    const sub: Subscription = { listener, lastSeq: 0, done: false, pending: [] };
    let set = this.#byJob.get(jobId);
    if (!set) {
      set = new Set();
      this.#byJob.set(jobId, set);
    }
    set.add(sub);
    const unsubscribe = () => {
      sub.done = true;
      const s = this.#byJob.get(jobId);
      s?.delete(sub);
      if (s && s.size === 0) this.#byJob.delete(jobId);
    };
    load().then(
      (snapshot) => {
        const held = sub.pending ?? [];
        sub.pending = undefined;
        if (snapshot) this.#deliver(sub, snapshotEvent(snapshot), unsubscribe);
        for (const e of held) this.#deliver(sub, e, unsubscribe);
      },
      (error: unknown) => {
        this.#onError(error);
        const held = sub.pending ?? [];
        sub.pending = undefined;
        for (const e of held) this.#deliver(sub, e, unsubscribe);
      },
    );
    return unsubscribe;
  }

  subscribeAll(listener: JobListener): () => void {
    this.#all.add(listener);
    return () => this.#all.delete(listener);
  }

  emit(event: JobEvent): void {
    for (const l of this.#all) this.#call(l, event);
    const set = this.#byJob.get(event.jobId);
    if (!set) return;
    for (const sub of [...set]) {
      if (sub.pending) sub.pending.push(event);
      else
        this.#deliver(sub, event, () => {
          sub.done = true;
          set.delete(sub);
          if (set.size === 0) this.#byJob.delete(event.jobId);
        });
    }
  }

  clear(): void {
    this.#byJob.clear();
    this.#all.clear();
  }

  #deliver(sub: Subscription, event: JobEvent, unsubscribe: () => void): void {
    if (sub.done || event.seq <= sub.lastSeq) return;
    sub.lastSeq = event.seq;
    this.#call(sub.listener, event);
    if (isTerminalEvent(event)) unsubscribe();
  }

  #call(listener: JobListener, event: JobEvent): void {
    try {
      listener(event);
    } catch (error) {
      this.#onError(error);
    }
  }
}
