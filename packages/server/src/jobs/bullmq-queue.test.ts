import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createBullmqJobQueue } from "./bullmq-queue.js";
import {
  collect,
  describeJobQueueContract,
  registerTestHandlers,
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

  it("a separate worker process runs the jobs a producer-only queue enqueues", async () => {
    await assertRedisReachable();
    const queueName = uniqueQueueName();
    queues.push(queueName);
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        fileURLToPath(new URL("./test-support/worker-child.ts", import.meta.url)),
        queueName,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    children.push(child);
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const workerId = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout?.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /READY (\S+)\n/.exec(out);
        if (m) resolve(m[1] ?? "");
      });
      child.on("exit", (code) => reject(new Error(`worker exited ${code}: ${stderr}`)));
    });
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
      const done = events.at(-1);
      expect(done?.type).toBe("succeeded");
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
});
