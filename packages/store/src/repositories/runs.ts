/** Runs (simulate/optimise jobs of a scenario version), their results and the append-only audit log. */
import { sql, type Selectable } from "kysely";
import type {
  AuditLogTable,
  JsonValue,
  RunKind,
  RunResultsTable,
  RunsTable,
  RunStatus,
} from "../database.js";
import { newId } from "../ids.js";
import {
  decodeSeries,
  encodeSeries,
  type DecodedSeries,
  type EncodeSeriesOptions,
  type SeriesInput,
} from "../series-codec.js";
import { toJson, type Db } from "./types.js";

export type Run = Selectable<RunsTable>;
export type RunError = { code: string; message: string };
export const FINISHED_RUN_STATUSES: readonly RunStatus[] = [
  "succeeded",
  "failed",
  "cancelled",
  "interrupted",
];

export function createRunRepository(db: Db) {
  return {
    /** A new run in status `queued`. Pass `id` to use the job id as the run id. */
    async create(input: {
      versionId: string;
      kind: RunKind;
      options?: JsonValue | object;
      inputHash: string;
      createdBy?: string | null;
      id?: string;
    }): Promise<Run> {
      return db
        .insertInto("runs")
        .values({
          id: input.id ?? newId("run"),
          versionId: input.versionId,
          kind: input.kind,
          options: toJson(input.options ?? {}),
          inputHash: input.inputHash,
          status: "queued",
          createdBy: input.createdBy ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    async get(id: string): Promise<Run | undefined> {
      return db.selectFrom("runs").selectAll().where("id", "=", id).executeTakeFirst();
    },
    /** Runs of a version, newest first. */
    async listByVersion(versionId: string): Promise<Run[]> {
      return db
        .selectFrom("runs")
        .selectAll()
        .where("versionId", "=", versionId)
        .orderBy("createdAt", "desc")
        .orderBy("id", "desc")
        .execute();
    },
    async listByStatus(statuses: readonly RunStatus[]): Promise<Run[]> {
      if (statuses.length === 0) return [];
      return db
        .selectFrom("runs")
        .selectAll()
        .where("status", "in", [...statuses])
        .orderBy("createdAt")
        .orderBy("id")
        .execute();
    },
    /** The newest succeeded run with this kind and input hash (the persistent result cache). */
    async findSucceeded(kind: RunKind, inputHash: string): Promise<Run | undefined> {
      return db
        .selectFrom("runs")
        .selectAll()
        .where("kind", "=", kind)
        .where("inputHash", "=", inputHash)
        .where("status", "=", "succeeded")
        .orderBy("finishedAt", "desc")
        .limit(1)
        .executeTakeFirst();
    },
    /** The newest queued or running run with this kind and input hash (so that asking again starts no duplicate). */
    async findActive(kind: RunKind, inputHash: string): Promise<Run | undefined> {
      return db
        .selectFrom("runs")
        .selectAll()
        .where("kind", "=", kind)
        .where("inputHash", "=", inputHash)
        .where("status", "in", ["queued", "running"])
        .orderBy("createdAt", "desc")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
    },
    /** queued → running. Returns false if the run was not queued (cancelled meanwhile, or already started). */
    async markStarted(id: string, workerId: string, at: Date): Promise<boolean> {
      const r = await db
        .updateTable("runs")
        .set({ status: "running", workerId, startedAt: at, heartbeatAt: at })
        .where("id", "=", id)
        .where("status", "in", ["queued", "running"])
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    /** Progress 0..1 (clamped) and an optional message; also a heartbeat. Ignored once finished. */
    async updateProgress(id: string, progress: number, message: string | null, at: Date): Promise<void> {
      const p = Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 0;
      await db
        .updateTable("runs")
        .set({ progress: p, message, heartbeatAt: at })
        .where("id", "=", id)
        .where("status", "in", ["queued", "running"])
        .execute();
    },
    /**
     * Final status. Only a queued or running run can finish; returns false (and changes nothing) if it
     * had already finished, so late events never overwrite the first outcome.
     */
    async finish(
      id: string,
      outcome: { status: Exclude<RunStatus, "queued" | "running">; error?: RunError | null; at: Date },
    ): Promise<boolean> {
      const r = await db
        .updateTable("runs")
        .set({
          status: outcome.status,
          error: outcome.error ? toJson(outcome.error) : null,
          finishedAt: outcome.at,
          ...(outcome.status === "succeeded" ? { progress: 1 } : {}),
        })
        .where("id", "=", id)
        .where("status", "in", ["queued", "running"])
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    /**
     * Marks runs left `running` (and optionally `queued`) by workers that are gone as `interrupted`,
     * e.g. after a crash or kill -9. Runs of `exceptWorkerIds` are kept; with `heartbeatBefore`, only runs
     * whose last heartbeat is older are touched. Returns the ids marked.
     */
    async interruptOrphans(input: {
      at: Date;
      exceptWorkerIds?: readonly string[];
      heartbeatBefore?: Date;
      includeQueued?: boolean;
    }): Promise<string[]> {
      let query = db
        .updateTable("runs")
        .set({
          status: "interrupted",
          finishedAt: input.at,
          error: toJson({
            code: "interrupted",
            message: "the worker running this job stopped; run it again",
          }),
        })
        .where("status", "in", input.includeQueued ? ["running", "queued"] : ["running"]);
      const except = input.exceptWorkerIds ?? [];
      if (except.length > 0) {
        query = query.where((eb) =>
          eb.or([eb("workerId", "is", null), eb("workerId", "not in", [...except])]),
        );
      }
      if (input.heartbeatBefore) {
        const before = input.heartbeatBefore;
        query = query.where((eb) => eb.or([eb("heartbeatAt", "is", null), eb("heartbeatAt", "<", before)]));
      }
      const rows = await query.returning("id").execute();
      return rows.map((r) => r.id).sort();
    },
  };
}

export type RunResultRow = Selectable<RunResultsTable>;
export interface RunResult {
  runId: string;
  summary: JsonValue;
  series: DecodedSeries;
  createdAt: Date;
}

export function createResultRepository(db: Db) {
  return {
    /** Stores (or replaces) a run's result: the summary as jsonb, the series compactly encoded. */
    async save(input: {
      runId: string;
      summary: JsonValue | object;
      series?: SeriesInput;
      encoding?: EncodeSeriesOptions;
    }): Promise<void> {
      const series = input.series ? encodeSeries(input.series, input.encoding) : null;
      const summary = toJson(input.summary);
      await db
        .insertInto("runResults")
        .values({ runId: input.runId, summary, series })
        .onConflict((oc) => oc.column("runId").doUpdateSet({ summary, series }))
        .execute();
    },
    async get(runId: string): Promise<RunResult | undefined> {
      const row = await db.selectFrom("runResults").selectAll().where("runId", "=", runId).executeTakeFirst();
      if (!row) return undefined;
      return {
        runId: row.runId,
        summary: row.summary,
        series: row.series ? decodeSeries(row.series) : {},
        createdAt: row.createdAt,
      };
    },
    async getSummary(runId: string): Promise<JsonValue | undefined> {
      const row = await db
        .selectFrom("runResults")
        .select("summary")
        .where("runId", "=", runId)
        .executeTakeFirst();
      return row?.summary;
    },
    /** Decoded series (all, or only `names`); undefined if the run has no result. */
    async getSeries(runId: string, names?: readonly string[]): Promise<DecodedSeries | undefined> {
      const row = await db
        .selectFrom("runResults")
        .select("series")
        .where("runId", "=", runId)
        .executeTakeFirst();
      if (!row) return undefined;
      const all = row.series ? decodeSeries(row.series) : {};
      if (!names) return all;
      const picked: DecodedSeries = {};
      for (const n of names) {
        const s = all[n];
        if (s) picked[n] = s;
      }
      return picked;
    },
    /** Size in bytes of the stored (compressed) series. */
    async seriesBytes(runId: string): Promise<number | undefined> {
      const row = await db
        .selectFrom("runResults")
        .select(sql<number | string | null>`octet_length(series)`.as("n"))
        .where("runId", "=", runId)
        .executeTakeFirst();
      return row ? Number(row.n ?? 0) : undefined;
    },
  };
}

export interface AuditEntry {
  id: number;
  at: Date;
  actor: string | null;
  action: string;
  target: string | null;
  details: JsonValue;
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return { ...row, id: Number(row.id) };
}

/** Append-only: there is no update or delete, and triggers reject them in the database. */
export function createAuditRepository(db: Db) {
  return {
    async append(input: {
      actor: string | null;
      action: string;
      target?: string | null;
      details?: JsonValue | object;
    }): Promise<AuditEntry> {
      const row = await db
        .insertInto("auditLog")
        .values({
          actor: input.actor,
          action: input.action,
          target: input.target ?? null,
          details: toJson(input.details ?? {}),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAuditEntry(row);
    },
    /** Newest first; page with `beforeId`. */
    async list(
      filter: { limit?: number; beforeId?: number; actor?: string; target?: string; action?: string } = {},
    ): Promise<AuditEntry[]> {
      let query = db.selectFrom("auditLog").selectAll();
      if (filter.beforeId !== undefined) query = query.where("id", "<", filter.beforeId);
      if (filter.actor !== undefined) query = query.where("actor", "=", filter.actor);
      if (filter.target !== undefined) query = query.where("target", "=", filter.target);
      if (filter.action !== undefined) query = query.where("action", "=", filter.action);
      const limit = Math.min(Math.max(1, Math.floor(filter.limit ?? 100)), 1000);
      const rows = await query.orderBy("id", "desc").limit(limit).execute();
      return rows.map(toAuditEntry);
    },
  };
}
