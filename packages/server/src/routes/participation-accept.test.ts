/**
 * Accepting a proposal is one transaction: the scenario's new version exists if and only if the proposal is recorded
 * as accepted with that version (participation store port `proposals.accept`, used by POST /proposals/{id}/accept).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, openProposal, type Harness } from "../test-support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(async () => h?.close());

const newProposal = (title: string) => openProposal(h, title);

const versionCount = async () => (await h.store.versions.listByScenario(h.baselineScenarioId)).length;

describe("accepting a proposal is atomic", () => {
  it("writes the version and the decision together", async () => {
    const p = await newProposal("together");
    const latest = (await h.store.versions.latest(h.baselineScenarioId))!;
    const before = await versionCount();
    const r = await h.participation.proposals.accept(p.id, {
      scenarioId: h.baselineScenarioId,
      parentVersionId: latest.id,
      model: latest.model,
      author: null,
      message: "accept",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.proposal).toMatchObject({ status: "accepted", acceptedVersionId: r.version.id });
    expect(r.version).toMatchObject({ scenarioId: h.baselineScenarioId, parentVersionId: latest.id });
    h.store.versions.forget?.(h.baselineScenarioId);
    expect(await versionCount()).toBe(before + 1);
  });

  it("rolls the new version back when the proposal was decided meanwhile", async () => {
    const p = await newProposal("closed");
    await h.participation.proposals.decide(p.id, {
      status: "declined",
      reason: "no",
      acceptedVersionId: null,
    });
    const latest = (await h.store.versions.latest(h.baselineScenarioId))!;
    const before = await versionCount();
    const r = await h.participation.proposals.accept(p.id, {
      scenarioId: h.baselineScenarioId,
      parentVersionId: latest.id,
      model: { ...(latest.model as object), name: "must not be saved" },
      author: null,
      message: "too late",
    });
    expect(r).toEqual({ ok: false, reason: "closed" });
    h.store.versions.forget?.(h.baselineScenarioId);
    expect(await versionCount()).toBe(before);
    expect((await h.store.versions.latest(h.baselineScenarioId))!.id).toBe(latest.id);
    expect((await h.participation.proposals.get(p.id))!.status).toBe("declined");
  });

  it("leaves the proposal open when the scenario changed meanwhile (stale parent)", async () => {
    const p = await newProposal("stale");
    const versions = await h.store.versions.listByScenario(h.baselineScenarioId);
    const notLatest = versions[0]!;
    const latest = versions[versions.length - 1]!;
    expect(notLatest.id).not.toBe(latest.id);
    const r = await h.participation.proposals.accept(p.id, {
      scenarioId: h.baselineScenarioId,
      parentVersionId: notLatest.id,
      model: (await h.store.versions.get(notLatest.id))!.model,
      author: null,
      message: "stale",
    });
    expect(r).toEqual({ ok: false, reason: "stale-parent" });
    expect((await h.participation.proposals.get(p.id))!).toMatchObject({
      status: "open",
      acceptedVersionId: null,
    });
    h.store.versions.forget?.(h.baselineScenarioId);
    expect(await versionCount()).toBe(versions.length);
  });

  it("the route answers 201 with the new version, and the version list sees it at once (read cache)", async () => {
    const p = await newProposal("route");
    const before = (await h.store.versions.listByScenario(h.baselineScenarioId)).length; // primes the read cache
    const res = await h.call(h.actors.district_admin, "POST", `/api/v1/proposals/${p.id}/accept`, {});
    expect(res.status).toBe(201);
    const body = (await res.json()) as { proposal: { acceptedVersionId: string }; version: { id: string } };
    expect(body.proposal.acceptedVersionId).toBe(body.version.id);
    const list = await h.call(
      h.actors.district_admin,
      "GET",
      `/api/v1/scenarios/${h.baselineScenarioId}/versions`,
    );
    const versions = (await list.json()) as { items: { id: string }[] };
    expect(versions.items.length).toBe(before + 1);
    expect(versions.items.map((v) => v.id)).toContain(body.version.id);
  });
});
