import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test-support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(async () => h?.close());

describe("GET /versions/{id}/inputs", () => {
  it("answers 422 with issue paths inside `model` for a stored document that no longer parses", async () => {
    const paths = async (model: unknown): Promise<string[]> => {
      const created = await h.store.versions.create({
        scenarioId: h.baselineScenarioId,
        parentVersionId: (await h.store.versions.latest(h.baselineScenarioId))?.id ?? null,
        model,
        author: null,
        message: "broken",
      });
      if (!created.ok) throw new Error("version conflict");
      const res = await h.call(
        h.actors.district_admin,
        "GET",
        `/api/v1/versions/${created.version.id}/inputs`,
      );
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      return ((await res.json()) as { issues: { path: string }[] }).issues.map((i) => i.path);
    };
    // The whole document is wrong: the issue is at `model` itself (not `model.`).
    expect(await paths([])).toEqual(["model"]);
    const inside = await paths({ name: 1 });
    expect(inside.length).toBeGreaterThan(0);
    for (const p of inside) expect(p).toMatch(/^model[.[]\S/);
  });
});
