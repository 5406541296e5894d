import type { ModelInputs } from "../../api/client.js";
import type { Levers } from "./levers.js";
import type { BuildoutPoint, WorkerRequest, WorkerResponse } from "./what-if-protocol.js";

type Ready = Extract<WorkerResponse, { type: "ready" }>;
type Result = Extract<WorkerResponse, { type: "result" }>;

/** The page's handle on the what-if worker: one district per worker; the newest request wins. */
export class WhatIfClient {
  private readonly worker: Worker;
  private nextId = 1;
  private pending = new Map<number, (r: Result) => void>();
  private onBuildout: ((p: BuildoutPoint) => void) | undefined;
  readonly ready: Promise<Ready>;

  constructor(inputs: ModelInputs) {
    this.worker = new Worker(new URL("./what-if.worker.ts", import.meta.url), { type: "module" });
    this.ready = new Promise((resolve, reject) => {
      this.worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
        const m = e.data;
        if (m.type === "ready") resolve(m);
        else if (m.type === "result") {
          this.pending.get(m.id)?.(m);
          this.pending.delete(m.id);
        } else if (m.type === "buildoutYear") this.onBuildout?.(m.point);
        else
          reject(
            new Error(
              `${m.message}${m.issues ? `: ${m.issues.map((i) => `${i.path} ${i.message}`).join("; ")}` : ""}`,
            ),
          );
      };
      this.worker.onerror = (e) => reject(new Error(e.message));
    });
    this.send({ type: "init", inputs });
  }

  private send(m: WorkerRequest): void {
    this.worker.postMessage(m);
  }

  whatIf(levers: Levers): Promise<Result> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type: "whatIf", id, levers });
    });
  }

  buildout(years: readonly number[], onPoint: (p: BuildoutPoint) => void): void {
    this.onBuildout = onPoint;
    this.send({ type: "buildout", years });
  }

  terminate(): void {
    this.worker.terminate();
  }
}
