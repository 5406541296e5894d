/// <reference lib="webworker" />
import { computeKpis, simulate, type Network } from "@kera/engine";
import { computeWhatIf, leversOf, networkFor, prepareInputs, type Prepared } from "./what-if-core.js";
import type { WorkerRequest, WorkerResponse } from "./what-if-protocol.js";

declare const self: DedicatedWorkerGlobalScope;

let prepared: Extract<Prepared, { ok: true }> | undefined;
let network: Network | undefined;

const post = (m: WorkerResponse): void => self.postMessage(m);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  try {
    if (msg.type === "init") {
      const started = performance.now();
      const p = prepareInputs(msg.inputs);
      if (!p.ok) {
        post({
          type: "error",
          message: "invalid model",
          issues: p.issues.map((i) => ({ path: i.path, message: i.message })),
        });
        return;
      }
      prepared = p;
      const built = networkFor(p);
      if (!built.ok) {
        post({
          type: "error",
          message: "network",
          issues: built.issues.map((i) => ({ path: i.path, message: i.message })),
        });
        return;
      }
      network = built.value.network;
      const levers = leversOf(network);
      const { kpis } = computeWhatIf(network, levers);
      post({ type: "ready", levers, kpis, ms: performance.now() - started });
    } else if (msg.type === "whatIf") {
      if (!network) throw new Error("the worker has no district yet");
      const started = performance.now();
      const { kpis } = computeWhatIf(network, msg.levers);
      post({ type: "result", id: msg.id, levers: msg.levers, kpis, ms: performance.now() - started });
    } else {
      if (!prepared) throw new Error("the worker has no district yet");
      for (const year of msg.years) {
        const built = networkFor(prepared, year);
        if (!built.ok) continue;
        const net = built.value.network;
        const kpis = computeKpis(net, simulate(net, {}), { reference: false });
        post({
          type: "buildoutYear",
          point: {
            year,
            ratio: kpis.energyPositivity.ratio,
            co2NetKg: kpis.co2.netWithOffsiteKg,
            residents: net.people.residents,
          },
        });
      }
    }
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
