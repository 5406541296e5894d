/**
 * The job queue contract: one suite every JobQueue adapter must pass (in-process pool, BullMQ).
 * `open({ concurrency, cancelGraceMs })` must return a fresh queue (own queue name / cache) whose
 * workers run the handlers registered on it.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobEvent, JobQueue } from "../types.js";

export const TEST_HANDLERS_MODULE = fileURLToPath(new URL("./handlers.mjs", import.meta.url));
export const TEST_TS_HANDLER_MODULE = fileURLToPath(new URL("./ts-handler.ts", import.meta.url));

export interface OpenedQueue {
  queue: JobQueue;
  cleanup: () => Promise<void>;
}

export interface QueueFactoryOptions {
  concurrency: number;
  cancelGraceMs: number;
}

/** Registers the test handlers under their export names. */
export function registerTestHandlers(queue: JobQueue): void {
  for (const name of ["sum", "sleepUntilCancelled", "busyLoop", "fail", "crash"]) {
    queue.registerHandler(name, { module: TEST_HANDLERS_MODULE, exportName: name });
  }
  queue.registerHandler("double", { module: TEST_TS_HANDLER_MODULE, exportName: "double" });
}

/** Collects a job's events until a terminal one (or the timeout). */
export function collect(queue: JobQueue, id: string, timeoutMs = 20_000): Promise<JobEvent[]> {
  return new Promise((resolve, reject) => {
    const events: JobEvent[] = [];
    const timer = setTimeout(() => {
      unsubscribe();
      reject(
        new Error(
          `job ${id}: no terminal event after ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.type))}`,
        ),
      );
    }, timeoutMs);
    const unsubscribe = queue.subscribe(id, (e) => {
      events.push(e);
      if (["succeeded", "failed", "cancelled", "interrupted"].includes(e.type)) {
        clearTimeout(timer);
        setImmediate(() => resolve(events));
      }
    });
  });
}

/** Resolves at the first event of `type` for the job. */
export function waitFor(
  queue: JobQueue,
  id: string,
  type: JobEvent["type"],
  timeoutMs = 20_000,
): Promise<JobEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`job ${id}: no ${type} event after ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = queue.subscribe(id, (e) => {
      if (e.type === type) {
        clearTimeout(timer);
        unsubscribe();
        resolve(e);
      }
    });
  });
}

let n = 0;
/** Input unique to this test run so cache entries from earlier runs cannot answer. */
function fresh(): number {
  n += 1;
  return n + Math.random();
}

export function describeJobQueueContract(
  name: string,
  open: (options: QueueFactoryOptions) => Promise<OpenedQueue>,
): void {
  describe(`job queue contract: ${name}`, () => {
    let opened: OpenedQueue | undefined;
    const q = (): JobQueue => {
      if (!opened) throw new Error("queue not opened");
      return opened.queue;
    };

    beforeAll(async () => {
      opened = await open({ concurrency: 1, cancelGraceMs: 300 });
      registerTestHandlers(opened.queue);
    }, 30_000);

    afterAll(async () => {
      if (!opened) return;
      await opened.queue.close();
      await opened.cleanup();
    }, 30_000);

    it("runs a job with progress and delivers the result (typed arrays intact)", async () => {
      const x = fresh();
      const all: JobEvent[] = [];
      const off = q().subscribeAll((e) => all.push(e));
      const id = await q().enqueue({
        kind: "sum",
        input: { numbers: [1, 2, 3, x], stepMs: 20 },
        options: { scale: 2 },
      });
      const replayed = await collect(q(), id);
      off();
      expect(replayed.at(-1)?.type).toBe("succeeded");
      const events = all.filter((e) => e.jobId === id);
      const types = events.map((e) => e.type);
      expect(types[0]).toBe("queued");
      expect(types).toContain("started");
      expect(types.at(-1)).toBe("succeeded");
      const progress = events
        .filter((e) => e.type === "progress")
        .map((e) => (e.type === "progress" ? e.fraction : -1));
      expect(progress.length).toBeGreaterThanOrEqual(1);
      expect(progress.at(-1)).toBe(1);
      for (let i = 1; i < progress.length; i++)
        expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1] ?? 0);
      for (let i = 1; i < events.length; i++) expect(events[i]?.seq).toBeGreaterThan(events[i - 1]?.seq ?? 0);
      const done = events.at(-1);
      if (done?.type !== "succeeded") throw new Error("expected succeeded");
      const result = done.result as { sum: number; partial: Float64Array };
      expect(result.sum).toBeCloseTo(2 * (6 + x), 12);
      expect(result.partial).toBeInstanceOf(Float64Array);
      expect(Array.from(result.partial)).toEqual([2, 6, 12, 2 * (6 + x)]);
      expect(done.cached).toBe(false);
      const snap = await q().get(id);
      expect(snap).toMatchObject({ id, kind: "sum", status: "succeeded", progress: 1, cached: false });
      expect((snap?.result as { sum: number }).sum).toBe(result.sum);
      expect(snap?.startedAt).not.toBeNull();
      expect(snap?.finishedAt).not.toBeNull();
    });

    it("serves identical inputs from the cache, keyed by kind, input and options", async () => {
      const input = { numbers: [fresh(), 1] };
      const first = await q().enqueue({ kind: "sum", input, options: { scale: 1 } });
      await collect(q(), first);
      const again = await q().enqueue({
        kind: "sum",
        input: { numbers: [...input.numbers] },
        options: { scale: 1 },
      });
      expect(again).not.toBe(first);
      const events = await collect(q(), again);
      expect(events.map((e) => e.type)).not.toContain("started");
      const done = events.at(-1);
      expect(done).toMatchObject({ type: "succeeded", cached: true });
      expect((await q().get(again))?.cached).toBe(true);
      expect((await q().get(again))?.inputHash).toBe((await q().get(first))?.inputHash);
      const otherOptions = await q().enqueue({ kind: "sum", input, options: { scale: 3 } });
      expect((await collect(q(), otherOptions)).at(-1)).toMatchObject({ type: "succeeded", cached: false });
      const bypass = await q().enqueue({ kind: "sum", input, options: { scale: 1 }, noCache: true });
      expect((await collect(q(), bypass)).at(-1)).toMatchObject({ type: "succeeded", cached: false });
    });

    it("cancels a running job", async () => {
      const id = await q().enqueue({ kind: "sleepUntilCancelled", input: { n: fresh() } });
      await waitFor(q(), id, "progress");
      const events = collect(q(), id);
      expect(await q().cancel(id)).toBe(true);
      expect((await events).at(-1)?.type).toBe("cancelled");
      expect((await q().get(id))?.status).toBe("cancelled");
      expect(await q().cancel(id)).toBe(false);
    });

    it("cancels a queued job before it starts", async () => {
      const blocker = await q().enqueue({ kind: "sleepUntilCancelled", input: { n: fresh() } });
      await waitFor(q(), blocker, "progress");
      const queued = await q().enqueue({ kind: "sum", input: { numbers: [fresh()] } });
      expect((await q().get(queued))?.status).toBe("queued");
      const events = collect(q(), queued);
      expect(await q().cancel(queued)).toBe(true);
      const types = (await events).map((e) => e.type);
      expect(types).not.toContain("started");
      expect(types.at(-1)).toBe("cancelled");
      await q().cancel(blocker);
      expect((await collect(q(), blocker)).at(-1)?.type).toBe("cancelled");
    });

    it("enforces time limits, also on handlers that ignore the signal", async () => {
      const polite = await q().enqueue({
        kind: "sleepUntilCancelled",
        input: { n: fresh() },
        timeLimitS: 0.3,
      });
      expect((await collect(q(), polite)).at(-1)).toMatchObject({
        type: "failed",
        error: { code: "time-limit" },
      });
      const rude = await q().enqueue({
        kind: "busyLoop",
        input: { ms: 30_000, n: fresh() },
        timeLimitS: 0.3,
      });
      const events = await collect(q(), rude);
      expect(events.at(-1)).toMatchObject({ type: "failed", error: { code: "time-limit" } });
      expect((await q().get(rude))?.status).toBe("failed");
      // the terminated thread is replaced: the next job still runs
      const next = await q().enqueue({ kind: "sum", input: { numbers: [fresh()] } });
      expect((await collect(q(), next)).at(-1)?.type).toBe("succeeded");
    });

    it("reports handler errors with their code", async () => {
      const coded = await q().enqueue({
        kind: "fail",
        input: { code: "infeasible", message: "heat demand cannot be met", n: fresh() },
      });
      expect((await collect(q(), coded)).at(-1)).toMatchObject({
        type: "failed",
        error: { code: "infeasible", message: "heat demand cannot be met" },
      });
      const plain = await q().enqueue({ kind: "fail", input: { n: fresh() } });
      expect((await collect(q(), plain)).at(-1)).toMatchObject({
        type: "failed",
        error: { code: "handler-error" },
      });
      expect((await q().get(plain))?.error?.code).toBe("handler-error");
    });

    it("survives a crashing worker", async () => {
      const id = await q().enqueue({ kind: "crash", input: { n: fresh() } });
      expect((await collect(q(), id)).at(-1)).toMatchObject({
        type: "failed",
        error: { code: "worker-crashed" },
      });
      const next = await q().enqueue({ kind: "sum", input: { numbers: [fresh()] } });
      expect((await collect(q(), next)).at(-1)?.type).toBe("succeeded");
    });

    it("rejects unknown kinds, time limits that are not positive and duplicate ids", async () => {
      await expect(q().enqueue({ kind: "no-such-kind", input: {} })).rejects.toThrow(/no handler/);
      await expect(
        q().enqueue({ kind: "sum", input: { numbers: [fresh()] }, timeLimitS: 0 }),
      ).rejects.toThrow(/timeLimitS/);
      const id = `job-${Math.floor(fresh() * 1e6)}`;
      expect(await q().enqueue({ id, kind: "sum", input: { numbers: [fresh()] } })).toBe(id);
      await expect(q().enqueue({ id, kind: "sum", input: { numbers: [fresh()] } })).rejects.toThrow(
        /already exists/,
      );
      await collect(q(), id);
    });

    it("replays the current state to late subscribers; unknown ids stay silent; get of unknown is undefined", async () => {
      const id = await q().enqueue({ kind: "sum", input: { numbers: [fresh()] } });
      await collect(q(), id);
      const late = await collect(q(), id);
      expect(late.map((e) => e.type)).toEqual(["succeeded"]);
      expect(await q().get("no-such-job")).toBeUndefined();
      expect(await q().cancel("no-such-job")).toBe(false);
      const silent: JobEvent[] = [];
      const off = q().subscribe("no-such-job", (e) => silent.push(e));
      await new Promise((r) => setTimeout(r, 100));
      off();
      expect(silent).toEqual([]);
    });

    it("broadcasts every job's events to subscribeAll listeners", async () => {
      const seen: JobEvent[] = [];
      const off = q().subscribeAll((e) => seen.push(e));
      const a = await q().enqueue({ kind: "sum", input: { numbers: [fresh()] } });
      const b = await q().enqueue({ kind: "fail", input: { n: fresh() } });
      await collect(q(), a);
      await collect(q(), b);
      await new Promise((r) => setTimeout(r, 50));
      off();
      expect(seen.filter((e) => e.jobId === a).map((e) => e.type)).toContain("succeeded");
      expect(seen.filter((e) => e.jobId === b).map((e) => e.type)).toContain("failed");
    });

    it("loads TypeScript handler modules through tsx", async () => {
      const id = await q().enqueue({ kind: "double", input: { x: fresh() } });
      const events = await collect(q(), id);
      const done = events.at(-1);
      expect(done?.type).toBe("succeeded");
      const x = ((await q().get(id))?.result as { doubled: number }).doubled;
      expect(x).toBeGreaterThan(0);
      await q().ping();
    });
  });
}
