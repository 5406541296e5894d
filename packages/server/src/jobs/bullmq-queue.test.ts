import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createBullmqJobQueue } from "./bullmq-queue.js";
import { startWorker, type RunningWorker } from "./bullmq-worker.js";
import {
  collect,
  describeJobQueueContract,
  registerTestHandlers,
  TEST_HANDLERS_MODULE,
  waitFor,
} from "./test-support/job-queue-contract.js";
import {
  assertRedisReachable,
  deleteQueueKeys,
  TEST_PREFIX,
  TEST_REDIS_URL,
  uniqueQueueName,
} from "./test-support/redis.js";

describeJobQueueContract("BullMQ on Redis", async ({ concurrency, cancelGraceMs }) => {
  await assertRedisReachable();
  const queueName = uniqueQueueName();
  const queue = await createBullmqJobQueue({
    redisUrl: TEST_REDIS_URL,
    queueName,
    prefix: TEST_PREFIX,
    worker: { concurrency, cancelGraceMs },
  });
  return { queue, cleanup: async () => void (await deleteQueueKeys(queueName)) };
});

describe("BullMQ across processes", () => {
  const children: ChildProcess[] = [];
  const queues: string[] = [];
  afterAll(async () => {
    for (const c of children) c.kill("SIGKILL");
    for (const q of queues) await deleteQueueKeys(q);
  });

  /** Starts test-support/worker-child.ts (what `kera worker` does) and waits for READY. */
  function spawnWorker(
    queueName: string,
    lockDurationMs?: number,
  ): Promise<{ child: ChildProcess; workerId: string }> {
    const script = fileURLToPath(new URL("./test-support/worker-child.ts", import.meta.url));
    const args = ["--import", "tsx", script, queueName];
    if (lockDurationMs !== undefined) args.push(String(lockDurationMs));
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve, reject) => {
      let out = "";
      child.stdout?.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /READY (\S+)\n/.exec(out);
        if (m) resolve({ child, workerId: m[1] ?? "" });
      });
      child.on("exit", (code) => reject(new Error(`worker exited ${code}: ${stderr}`)));
    });
  }

  it("a separate worker process runs the jobs a producer-only queue enqueues", async () => {
    await assertRedisReachable();
    const queueName = uniqueQueueName();
    queues.push(queueName);
    const { child, workerId } = await spawnWorker(queueName);
    const producer = await createBullmqJobQueue({
      redisUrl: TEST_REDIS_URL,
      queueName,
      prefix: TEST_PREFIX,
      worker: false,
    });
    registerTestHandlers(producer);
    try {
      const id = await producer.enqueue({ kind: "sum", input: { numbers: [1, 2, 3], stepMs: 10 } });
      const events = await collect(producer, id);
      expect(events.at(-1)?.type).toBe("succeeded");
      const result = (await producer.get(id))?.result as { sum: number; pid: number };
      expect(result.sum).toBe(6);
      expect(result.pid).toBe(child.pid);
      expect((await producer.get(id))?.workerId).toBe(workerId);
      // a second producer (another server instance) sees the same state and serves the cache
      const other = await createBullmqJobQueue({
        redisUrl: TEST_REDIS_URL,
        queueName,
        prefix: TEST_PREFIX,
        worker: false,
      });
      registerTestHandlers(other);
      try {
        expect((await other.get(id))?.status).toBe("succeeded");
        const again = await other.enqueue({ kind: "sum", input: { numbers: [1, 2, 3], stepMs: 10 } });
        expect((await collect(other, again)).at(-1)).toMatchObject({ type: "succeeded", cached: true });
      } finally {
        await other.close();
      }
    } finally {
      await producer.close();
      child.kill("SIGTERM");
    }
  }, 60_000);

  it("runs jobs in parallel up to the worker's concurrency", async () => {
    await assertRedisReachable();
    const queueName = uniqueQueueName();
    queues.push(queueName);
    const queue = await createBullmqJobQueue({
      redisUrl: TEST_REDIS_URL,
      queueName,
      prefix: TEST_PREFIX,
      worker: { concurrency: 2 },
      cache: false,
    });
    registerTestHandlers(queue);
    try {
      const a = await queue.enqueue({ kind: "sleepUntilCancelled", input: { a: 1 } });
      const b = await queue.enqueue({ kind: "sleepUntilCancelled", input: { b: 1 } });
      await Promise.all([waitFor(queue, a, "progress"), waitFor(queue, b, "progress")]);
      expect((await queue.get(a))?.status).toBe("running");
      expect((await queue.get(b))?.status).toBe("running");
      const done = [collect(queue, a), collect(queue, b)];
      await queue.cancel(a);
      await queue.cancel(b);
      for (const events of await Promise.all(done)) expect(events.at(-1)?.type).toBe("cancelled");
    } finally {
      await queue.close();
    }
  }, 60_000);

  it("a job whose worker process is killed (-9) is marked interrupted and can be run again", async () => {
    await assertRedisReachable();
    const queueName = uniqueQueueName();
    queues.push(queueName);
    const { child, workerId } = await spawnWorker(queueName, 1000);
    const producer = await createBullmqJobQueue({
      redisUrl: TEST_REDIS_URL,
      queueName,
      prefix: TEST_PREFIX,
      worker: false,
    });
    registerTestHandlers(producer);
    let rescuer: RunningWorker | undefined;
    try {
      const id = await producer.enqueue({ kind: "sleepUntilCancelled", input: {} });
      await waitFor(producer, id, "progress");
      expect((await producer.get(id))?.workerId).toBe(workerId);
      const events = collect(producer, id);
      child.kill("SIGKILL");
      // another worker's stalled check finds the expired lock
      rescuer = await startWorker({
        redisUrl: TEST_REDIS_URL,
        queueName,
        prefix: TEST_PREFIX,
        concurrency: 1,
        handlers: { sum: { module: TEST_HANDLERS_MODULE, exportName: "sum" } },
        lockDurationMs: 1000,
        stalledIntervalMs: 500,
      });
      expect((await events).at(-1)).toMatchObject({ type: "interrupted", error: { code: "interrupted" } });
      expect((await producer.get(id))?.status).toBe("interrupted");
      const again = await producer.enqueue({ kind: "sum", input: { numbers: [4, 5] } });
      expect((await collect(producer, again)).at(-1)?.type).toBe("succeeded");
    } finally {
      await rescuer?.close();
      await producer.close();
    }
  }, 60_000);
});
