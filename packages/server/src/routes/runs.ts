import { gzipSync } from "node:zlib";
import { z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { startRun } from "../compute/start-run.js";
import type { JobEvent, RunKind, RunRecord, RunStatus } from "../ports.js";
import { POLICY } from "../auth/policy.js";
import { forbidden, HttpProblem } from "../problem.js";
import { redactSummary } from "../redact.js";
import type { RouteKit } from "../route-kit.js";
import { audit, conflict, json, lensFor, runDto } from "./common.js";
import { cooperationView, type CooperationDto } from "./cooperation.js";
import { Id, listOf, RunSchema } from "./schemas.js";
import { scopes } from "./scopes.js";

/** Run kinds whose summary is an analysis with its own read policy (the operation that serves the analysis). */
const ANALYSIS_OPERATION: Partial<Record<RunKind, string>> = {
  cooperation: "getCooperation",
  alternatives: "getAlternatives",
};

const FINISHED: ReadonlySet<RunStatus> = new Set(["succeeded", "failed", "cancelled", "interrupted"]);

function csvOf(names: readonly string[], series: Record<string, ArrayLike<number>>): string {
  const hours = Math.max(0, ...names.map((n) => series[n]?.length ?? 0));
  const lines = [["hour", ...names].join(",")];
  for (let t = 0; t < hours; t++) {
    lines.push([String(t), ...names.map((n) => String(series[n]?.[t] ?? ""))].join(","));
  }
  return lines.join("\n") + "\n";
}

const RENDERED_SERIES_KEPT = 16;

export function registerRunRoutes(kit: RouteKit): void {
  const { deps } = kit;
  const renderedSeries = new Map<string, { plain: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer> }>();
  const scope = scopes(deps);

  kit.define({
    operationId: "listRuns",
    method: "get",
    path: "/api/v1/versions/{versionId}/runs",
    tags: ["runs"],
    summary: "List the runs of a version",
    params: z.object({ versionId: Id }),
    scope: scope.byVersion,
    responses: { 200: { description: "Runs", schema: listOf(RunSchema) } },
    handler: async (c, { params }) =>
      json(c, { items: (await deps.store.runs.listByVersion(params.versionId)).map(runDto) }),
  });

  kit.define({
    operationId: "createRun",
    method: "post",
    path: "/api/v1/versions/{versionId}/runs",
    tags: ["runs"],
    summary: "Start a simulation or optimisation of a version (202; follow /runs/{runId}/events)",
    params: z.object({ versionId: Id }),
    body: z.object({
      kind: z.enum(["simulate", "optimize"]).default("simulate"),
      options: z.record(z.string(), z.unknown()).default({}),
    }),
    scope: scope.byVersion,
    responses: { 202: { description: "Queued", schema: RunSchema } },
    handler: async (c, { params, body }, auth) => {
      const { version } = await scope.version(params.versionId);
      const run = await startRun(deps, version, body.kind, body.options, auth.viewer.user?.id ?? null);
      await audit(deps, auth, "run.create", `run:${run.id}`, { version: version.id, kind: body.kind });
      c.header("location", `/api/v1/runs/${run.id}`);
      return json(c, runDto(run), 202);
    },
  });

  kit.define({
    operationId: "getRun",
    method: "get",
    path: "/api/v1/runs/{runId}",
    tags: ["runs"],
    summary: "Get a run's status and progress",
    params: z.object({ runId: Id }),
    scope: scope.byRun,
    responses: { 200: { description: "The run", schema: RunSchema } },
    handler: async (c, { params }) => json(c, runDto((await scope.run(params.runId)).run)),
  });

  kit.define({
    operationId: "getRunEvents",
    method: "get",
    path: "/api/v1/runs/{runId}/events",
    tags: ["runs"],
    summary:
      "Server-sent events: `status` first, then `progress` (and `ping` every 15 s when quiet), and one final `status` when the run ends",
    params: z.object({ runId: Id }),
    scope: scope.byRun,
    responses: {
      200: { description: "An event stream", schema: z.string(), contentType: "text/event-stream" },
    },
    handler: async (c, { params }) => {
      const { run } = await scope.run(params.runId);
      return streamSSE(c, async (stream) => {
        const send = (event: string, data: unknown) => stream.writeSSE({ event, data: JSON.stringify(data) });
        const queue: JobEvent[] = [];
        let wake: (() => void) | undefined;
        const unsubscribe = deps.jobs.subscribe(run.id, (e) => {
          queue.push(e);
          wake?.();
        });
        stream.onAbort(unsubscribe);
        try {
          let current: RunRecord = (await deps.store.runs.get(run.id)) ?? run;
          await send("status", runDto(current));
          while (!FINISHED.has(current.status) && !stream.aborted) {
            if (queue.length === 0) {
              let timer: ReturnType<typeof setTimeout> | undefined;
              await new Promise<void>((resolve) => {
                wake = resolve;
                timer = setTimeout(resolve, 15_000); // heartbeat: re-read the stored state at least every 15 s
              });
              clearTimeout(timer);
              wake = undefined;
              // A quiet run still sends something now and then, so that proxies keep the connection open.
              if (queue.length === 0) await send("ping", {});
            }
            for (const e of queue.splice(0)) {
              if (e.type === "progress")
                await send("progress", { fraction: e.fraction, message: e.message ?? null });
            }
            current = (await deps.store.runs.get(run.id)) ?? current;
            if (FINISHED.has(current.status)) await send("status", runDto(current));
          }
        } finally {
          unsubscribe();
        }
      });
    },
  });

  kit.define({
    operationId: "cancelRun",
    method: "post",
    path: "/api/v1/runs/{runId}/cancel",
    tags: ["runs"],
    summary: "Cancel a queued or running run (409 when it has already finished)",
    params: z.object({ runId: Id }),
    scope: scope.byRun,
    responses: {
      202: { description: "Cancellation requested", schema: RunSchema },
      409: { description: "Finished" },
    },
    handler: async (c, { params }, auth) => {
      const { run } = await scope.run(params.runId);
      if (FINISHED.has(run.status)) throw conflict("run-finished", `the run has already ${run.status}`);
      await deps.jobs.cancel(run.id);
      await audit(deps, auth, "run.cancel", `run:${run.id}`);
      return json(c, runDto((await deps.store.runs.get(run.id)) ?? run), 202);
    },
  });

  const notReady = (run: RunRecord) =>
    new HttpProblem(
      409,
      "run-not-succeeded",
      `the run is ${run.status}; results exist once it has succeeded`,
    );

  kit.define({
    operationId: "getRunSummary",
    method: "get",
    path: "/api/v1/runs/{runId}/summary",
    tags: ["results"],
    summary: "A succeeded run's KPI summary (confidential figures redacted, anonymised for researchers)",
    params: z.object({ runId: Id }),
    scope: scope.byRun,
    responses: {
      200: {
        description: "Summary",
        schema: z
          .object({ runId: z.string(), summary: z.record(z.string(), z.unknown()) })
          .openapi("RunSummary"),
      },
      409: { description: "Run has not succeeded" },
    },
    handler: async (c, { params }, auth) => {
      const { run, version, scenario } = await scope.run(params.runId);
      // An analysis run's summary is readable by whoever may read the analysis itself (same policy entry).
      const analysisOperation = ANALYSIS_OPERATION[run.kind];
      if (analysisOperation && !POLICY[analysisOperation]?.roles.includes(auth.role)) {
        throw forbidden(`only the roles of ${analysisOperation} may read a ${run.kind} run`);
      }
      const result = run.status === "succeeded" ? await deps.store.results.get(run.id) : undefined;
      if (!result) throw notReady(run);
      const lens = await lensFor(deps, auth, scenario.districtId);
      // A cooperation run's summary is the analysis: the same per-viewer view as GET .../cooperation.
      const summary =
        run.kind === "cooperation"
          ? cooperationView(result.summary as unknown as CooperationDto, version.model, lens)
          : redactSummary(result.summary, version.model, lens);
      return json(c, { runId: run.id, summary });
    },
  });

  kit.define({
    operationId: "getRunSeries",
    method: "get",
    path: "/api/v1/runs/{runId}/series",
    tags: ["results"],
    summary: "Hourly result series as JSON or CSV: one named series or all",
    params: z.object({ runId: Id }),
    query: z.object({
      name: z.string().min(1).max(200).optional(),
      format: z.enum(["json", "csv"]).default("json"),
    }),
    scope: scope.byRun,
    responses: {
      200: {
        description:
          "Series (JSON: { runId, series: { name: number[] } }; CSV: hour column then one per series)",
        schema: z
          .object({ runId: z.string(), series: z.record(z.string(), z.array(z.number())) })
          .openapi("RunSeries"),
      },
      409: { description: "Run has not succeeded" },
    },
    handler: async (c, { params, query }) => {
      const { run } = await scope.run(params.runId);
      const result = run.status === "succeeded" ? await deps.store.results.get(run.id) : undefined;
      if (!result) throw notReady(run);
      const names = query.name === undefined ? Object.keys(result.series).sort() : [query.name];
      if (query.name !== undefined && !(query.name in result.series)) {
        throw new HttpProblem(
          404,
          "unknown-series",
          `no series ${query.name}; have: ${Object.keys(result.series).join(", ")}`,
        );
      }
      // Results are immutable: the rendered body (and its gzip form, for clients that accept it, as browsers do)
      // is remembered — a few entries per app — so repeated chart loads cost no re-rendering.
      const key = `${run.id}|${query.format}|${names.join(",")}`;
      let rendered = renderedSeries.get(key);
      if (rendered === undefined) {
        let text: string;
        if (query.format === "csv") text = csvOf(names, result.series);
        else {
          const series: Record<string, number[]> = {};
          for (const n of names) series[n] = Array.from(result.series[n] ?? []);
          text = JSON.stringify({ runId: run.id, series });
        }
        const plain = new TextEncoder().encode(text);
        rendered = { plain, gzip: new Uint8Array(gzipSync(plain, { level: 6 })) };
        renderedSeries.set(key, rendered);
        if (renderedSeries.size > RENDERED_SERIES_KEPT) {
          const oldest = renderedSeries.keys().next().value;
          if (oldest !== undefined) renderedSeries.delete(oldest);
        }
      }
      if (query.format === "csv") {
        c.header("content-type", "text/csv; charset=utf-8");
        c.header("content-disposition", `attachment; filename="run-${run.id}.csv"`);
      } else {
        c.header("content-type", "application/json");
      }
      c.header("vary", "accept-encoding");
      if (/\bgzip\b/.test(c.req.header("accept-encoding") ?? "")) {
        c.header("content-encoding", "gzip");
        return c.body(rendered.gzip, 200);
      }
      return c.body(rendered.plain, 200);
    },
  });
}
