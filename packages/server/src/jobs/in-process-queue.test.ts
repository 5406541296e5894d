import { describe, expect, it } from "vitest";
import { createInProcessJobQueue } from "./in-process-queue.js";
import { defaultWorkerCount } from "./worker-count.js";
import {
  collect,
  describeJobQueueContract,
  registerTestHandlers,
  waitFor,
} from "./test-support/job-queue-contract.js";

describeJobQueueContract("in-process worker threads", async ({ concurrency, cancelGraceMs }) => ({
  queue: createInProcessJobQueue({ workers: concurrency, cancelGraceMs }),
  cleanup: async () => {},
}));

describe("in-process pool", () => {
  it("sizes the pool from KERA_WORKERS, else cores - 1 (at least 1)", () => {
    expect(defaultWorkerCount({ KERA_WORKERS: "3" })).toBe(3);
    expect(defaultWorkerCount({ KERA_WORKERS: "0" })).toBeGreaterThanOrEqual(1);
    expect(defaultWorkerCount({})).toBeGreaterThanOrEqual(1);
  });

  it("runs jobs in parallel on several threads", async () => {
    const queue = createInProcessJobQueue({ workers: 2, cache: false });
    registerTestHandlers(queue);
    try {
      const a = await queue.enqueue({ kind: "sleepUntilCancelled", input: {} });
      const b = await queue.enqueue({ kind: "sleepUntilCancelled", input: { other: true } });
      await Promise.all([waitFor(queue, a, "progress"), waitFor(queue, b, "progress")]);
      expect((await queue.get(a))?.status).toBe("running");
      expect((await queue.get(b))?.status).toBe("running");
      expect((await queue.get(a))?.workerId).not.toBe((await queue.get(b))?.workerId);
      await queue.cancel(a);
      await queue.cancel(b);
      await collect(queue, a);
      await collect(queue, b);
    } finally {
      await queue.close();
    }
  });

  it("close() marks queued and running jobs interrupted", async () => {
    const queue = createInProcessJobQueue({ workers: 1, cache: false, cancelGraceMs: 200 });
    registerTestHandlers(queue);
    const running = await queue.enqueue({ kind: "sleepUntilCancelled", input: {} });
    const waiting = await queue.enqueue({ kind: "sum", input: { numbers: [1] } });
    await waitFor(queue, running, "progress");
    const events = collect(queue, running);
    await queue.close();
    expect((await events).at(-1)?.type).toBe("interrupted");
    expect((await queue.get(waiting))?.status).toBe("interrupted");
    await expect(queue.enqueue({ kind: "sum", input: { numbers: [1] } })).rejects.toThrow();
  });
});
