import { z } from "@hono/zod-openapi";
import type { RouteKit } from "../route-kit.js";
import { json } from "./common.js";

export function registerSystemRoutes(kit: RouteKit): void {
  const { deps } = kit;
  kit.define({
    operationId: "getHealth",
    method: "get",
    path: "/api/health",
    tags: ["system"],
    summary: "Liveness: the process answers",
    responses: { 200: { description: "Alive", schema: z.object({ status: z.literal("ok") }) } },
    handler: (c) => json(c, { status: "ok" }),
  });

  kit.define({
    operationId: "getReady",
    method: "get",
    path: "/api/ready",
    tags: ["system"],
    summary: "Readiness: the database and the job queue are reachable (503 otherwise)",
    responses: {
      200: {
        description: "Ready",
        schema: z.object({
          status: z.enum(["ready", "unavailable"]),
          database: z.boolean(),
          queue: z.boolean(),
        }),
      },
      503: { description: "Not ready" },
    },
    handler: async (c) => {
      const [database, queue] = await Promise.all([
        deps.store.ping().catch(() => false),
        deps.jobs.ping().catch(() => false),
      ]);
      const ready = database && queue;
      return c.json({ status: ready ? "ready" : "unavailable", database, queue }, ready ? 200 : 503);
    },
  });
}
