import { describe, expect, it } from "vitest";
import { createJobQueue, jobQueueConfigFromEnv } from "./create-job-queue.js";
import { TEST_REDIS_URL, deleteQueueKeys, uniqueQueueName } from "./test-support/redis.js";

describe("job queue from configuration", () => {
  it("reads REDIS_URL, KERA_WORKERS and KERA_QUEUE_NAME", () => {
    expect(jobQueueConfigFromEnv({ KERA_WORKERS: "3" })).toEqual({ workers: 3 });
    expect(
      jobQueueConfigFromEnv({ REDIS_URL: "redis://r:6379", KERA_WORKERS: "0", KERA_QUEUE_NAME: "q" }),
    ).toEqual({
      redisUrl: "redis://r:6379",
      workers: 0,
      queueName: "q",
    });
    expect(jobQueueConfigFromEnv({}).workers).toBeGreaterThanOrEqual(1);
  });

  it("uses the in-process pool without Redis and BullMQ with it", async () => {
    const local = await createJobQueue({ workers: 1 });
    expect(local.adapter).toBe("in-process");
    await local.close();
    const queueName = uniqueQueueName();
    const remote = await createJobQueue({ redisUrl: TEST_REDIS_URL, workers: 0, queueName });
    expect(remote.adapter).toBe("bullmq");
    await remote.ping();
    await remote.close();
    await deleteQueueKeys(queueName);
  });
});
