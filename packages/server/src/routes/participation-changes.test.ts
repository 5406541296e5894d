/**
 * The change shapes the co-creation page builds (packages/web/src/features/cocreation/cocreation-data.ts) are valid
 * proposals, and their errors come back with the paths inside the change the page maps to its fields.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test-support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(async () => h?.close());

const propose = (change: unknown) =>
  h.call(h.actors.partner, "POST", `/api/v1/districts/${h.districtId}/proposals`, {
    baseVersionId: h.baselineVersionId,
    title: "t",
    change,
  });

describe("proposal change shapes of the web form", () => {
  it("an efficiency measure (a building group's E-value) is a valid proposal", async () => {
    const res = await propose({ buildingGroups: [{ id: "block-1", ePerformance: { eValue: 70 } }] });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { change: unknown };
    expect(body.change).toEqual({ buildingGroups: [{ id: "block-1", ePerformance: { eValue: 70 } }] });
  });

  it("a negative E-value is a 422 whose path points into the change", async () => {
    const res = await propose({ buildingGroups: [{ id: "block-1", ePerformance: { eValue: -5 } }] });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { issues: { path: string }[] };
    expect(body.issues.map((i) => i.path)).toContain("body.change.buildingGroups[0].ePerformance.eValue");
  });

  it("a JSON change with a bad asset capacity reports the path of the bad value inside the change", async () => {
    const res = await propose({ assets: [{ id: "pv-block-1", capacity: -1 }] });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { issues: { path: string }[] };
    expect(body.issues.map((i) => i.path)).toContain("body.change.assets[0].capacity");
  });
});
