/**
 * A separate worker process for the BullMQ tests (what `kera worker` does):
 * node --import tsx worker-child.ts <queue> [lockDurationMs]
 */
import { startWorker } from "../bullmq-worker.js";
import { TEST_HANDLERS_MODULE } from "./job-queue-contract.js";
import { TEST_PREFIX, TEST_REDIS_URL } from "./redis.js";

const queueName = process.argv[2];
if (!queueName) throw new Error("usage: worker-child <queueName>");
const worker = await startWorker({
  redisUrl: TEST_REDIS_URL,
  queueName,
  prefix: TEST_PREFIX,
  concurrency: 1,
  handlers: {
    sum: { module: TEST_HANDLERS_MODULE, exportName: "sum" },
    sleepUntilCancelled: { module: TEST_HANDLERS_MODULE, exportName: "sleepUntilCancelled" },
  },
  ...(process.argv[3]
    ? { lockDurationMs: Number(process.argv[3]), stalledIntervalMs: Number(process.argv[3]) }
    : {}),
});
process.stdout.write(`READY ${worker.workerId}\n`);
process.on("SIGTERM", () => {
  void worker.close({ drainTimeoutMs: 1000 }).then(() => process.exit(0));
});
