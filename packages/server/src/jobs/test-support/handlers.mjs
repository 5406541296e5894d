/* global setTimeout, clearTimeout, process */
// Tiny job handlers for the job queue contract tests. Plain JavaScript so that worker threads and
// BullMQ worker processes load them without a TypeScript loader.

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** Sums input.numbers one step at a time (input.stepMs apart), reporting progress after each. */
export async function sum({ input, options, signal, progress }) {
  const numbers = input.numbers;
  let total = 0;
  const partial = new Float64Array(numbers.length);
  for (let i = 0; i < numbers.length; i++) {
    if (input.stepMs) await sleep(input.stepMs, signal);
    total += numbers[i] * (options?.scale ?? 1);
    partial[i] = total;
    progress((i + 1) / numbers.length, `added ${numbers[i]}`);
  }
  return { sum: total, partial, pid: process.pid };
}

/** Reports a little progress, then waits until aborted (cancel or time limit). */
export async function sleepUntilCancelled({ signal, progress }) {
  progress(0.1, "waiting");
  await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
  throw Object.assign(new Error("stopped"), { code: "aborted" });
}

/** Blocks its thread for input.ms without looking at the signal (must be terminated). */
export function busyLoop({ input, progress }) {
  progress(0.05, "spinning");
  const end = Date.now() + input.ms;
  while (Date.now() < end) {
    // spin
  }
  return { spun: input.ms };
}

/** Throws; with input.code the error carries that code. */
export async function fail({ input }) {
  throw Object.assign(new Error(input.message ?? "boom"), input.code ? { code: input.code } : {});
}

/** Kills its worker thread (or the worker process's thread) mid-job. */
export function crash() {
  process.exit(3);
}
