import type { Kpis } from "@kera/engine";
import type { ModelInputs } from "../../api/client.js";
import type { Levers } from "./levers.js";

/** Messages to the what-if Web Worker. */
export type WorkerRequest =
  | { readonly type: "init"; readonly inputs: ModelInputs }
  | { readonly type: "whatIf"; readonly id: number; readonly levers: Levers }
  | { readonly type: "buildout"; readonly years: readonly number[] };

export interface BuildoutPoint {
  readonly year: number;
  readonly ratio: number | null;
  readonly co2NetKg: number;
  readonly residents: number;
}

/** Messages from the worker. `ms` is the worker's compute time of the answer. */
export type WorkerResponse =
  | { readonly type: "ready"; readonly levers: Levers; readonly kpis: Kpis; readonly ms: number }
  | {
      readonly type: "result";
      readonly id: number;
      readonly levers: Levers;
      readonly kpis: Kpis;
      readonly ms: number;
    }
  | { readonly type: "buildoutYear"; readonly point: BuildoutPoint }
  | {
      readonly type: "error";
      readonly message: string;
      readonly issues?: readonly { path: string; message: string }[];
    };
