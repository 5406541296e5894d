import { describe, expect, it } from "vitest";
import { ApiError } from "./client.js";
import { AnalysisFailedError, fetchAnalysis, type AnalysisProgress } from "./fetch-analysis.js";

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** A fake fetch that answers each URL from its own queue (the last answer repeats) and records the calls. */
function fakeFetch(answers: Record<string, Answer[]>) {
  const calls: string[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    calls.push(url);
    if (init?.signal?.aborted) return Promise.reject(init.signal.reason);
    const queue = answers[url];
    if (!queue?.length) return Promise.resolve(new Response("", { status: 599 }));
    const a = queue.length > 1 ? (queue.shift() as Answer) : (queue[0] as Answer);
    return Promise.resolve(
      new Response(a.body === undefined ? null : JSON.stringify(a.body), {
        status: a.status,
        headers: { "content-type": "application/json", ...a.headers },
      }),
    );
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const IMPACT = "/api/v1/proposals/p1/impact";
const RUN = "/api/v1/runs/r1";
const result = { proposalId: "p1", baseline: { energyPositivityRatio: 0.8 } };
const pending = (status: "queued" | "running", progress: number) => ({
  status: 202,
  body: { status, runId: "r1", progress, message: null },
  headers: { location: RUN },
});
const run = (status: string, progress: number, error: string | null = null) => ({
  status: 200,
  body: { id: "r1", versionId: "v1", kind: "variants", status, progress, error },
});

describe("fetchAnalysis", () => {
  it("returns a 200 answer directly", async () => {
    const f = fakeFetch({ [IMPACT]: [{ status: 200, body: result }] });
    const progress: AnalysisProgress[] = [];
    await expect(
      fetchAnalysis("/proposals/p1/impact", { fetch: f.fetch, onProgress: (p) => progress.push(p) }),
    ).resolves.toEqual(result);
    expect(f.calls).toEqual([IMPACT]);
    expect(progress).toEqual([]);
  });

  it("follows a 202 run through running to succeeded, then GETs the result", async () => {
    const f = fakeFetch({
      [IMPACT]: [pending("queued", 0), { status: 200, body: result }],
      [RUN]: [run("running", 0.25), run("running", 0.5), run("succeeded", 1)],
    });
    const progress: AnalysisProgress[] = [];
    const out = await fetchAnalysis("/proposals/p1/impact", {
      fetch: f.fetch,
      pollMs: 1,
      onProgress: (p) => progress.push(p),
    });
    expect(out).toEqual(result);
    expect(f.calls).toEqual([IMPACT, RUN, RUN, RUN, IMPACT]);
    expect(progress.map((p) => `${p.status} ${p.progress}`)).toEqual([
      "queued 0",
      "running 0.25",
      "running 0.5",
    ]);
    expect(progress.every((p) => p.runId === "r1")).toBe(true);
  });

  it("polls the run named by runId when the answer has no Location header", async () => {
    const f = fakeFetch({
      [IMPACT]: [
        { status: 202, body: { status: "running", runId: "r1", progress: 0.1, message: "x" } },
        { status: 200, body: result },
      ],
      [RUN]: [run("succeeded", 1)],
    });
    await expect(fetchAnalysis("/proposals/p1/impact", { fetch: f.fetch, pollMs: 1 })).resolves.toEqual(
      result,
    );
    expect(f.calls).toEqual([IMPACT, RUN, IMPACT]);
  });

  it("throws the run's error when it fails, without asking for the result again", async () => {
    const f = fakeFetch({
      [IMPACT]: [pending("running", 0.1), { status: 200, body: result }],
      [RUN]: [run("running", 0.4), run("failed", 0.4, "variant 2: the change no longer applies")],
    });
    const error = await fetchAnalysis("/proposals/p1/impact", { fetch: f.fetch, pollMs: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AnalysisFailedError);
    expect((error as AnalysisFailedError).message).toBe("variant 2: the change no longer applies");
    expect((error as AnalysisFailedError).status).toBe("failed");
    expect(f.calls).toEqual([IMPACT, RUN, RUN]);
  });

  it("names the terminal status of a cancelled run without an error", async () => {
    const f = fakeFetch({ [IMPACT]: [pending("queued", 0)], [RUN]: [run("interrupted", 0.2)] });
    await expect(fetchAnalysis("/proposals/p1/impact", { fetch: f.fetch, pollMs: 1 })).rejects.toThrow(
      /interrupted/,
    );
  });

  it("stops polling when aborted", async () => {
    const f = fakeFetch({ [IMPACT]: [pending("queued", 0)], [RUN]: [run("running", 0.3)] });
    const controller = new AbortController();
    let polls = 0;
    const promise = fetchAnalysis("/proposals/p1/impact", {
      fetch: f.fetch,
      pollMs: 5,
      maxPollMs: 5,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.status === "running" && ++polls === 2) controller.abort();
      },
    });
    await expect(promise).rejects.toMatchObject({ name: "AbortError" });
    const callsAtAbort = f.calls.length;
    expect(callsAtAbort).toBe(3); // the endpoint and two polls
    await new Promise((r) => setTimeout(r, 30));
    expect(f.calls.length).toBe(callsAtAbort);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const f = fakeFetch({ [IMPACT]: [{ status: 200, body: result }] });
    const controller = new AbortController();
    controller.abort();
    await expect(
      fetchAnalysis("/proposals/p1/impact", { fetch: f.fetch, signal: controller.signal }),
    ).rejects.toMatchObject({ name: "AbortError" });
  });

  it("turns a synchronous 422 into an ApiError with its path-qualified issues", async () => {
    const f = fakeFetch({
      "/api/v1/versions/v1/alternatives?slack=0.9": [
        {
          status: 422,
          body: {
            code: "invalid-request",
            detail: "bad query",
            issues: [{ code: "too_big", path: "query.slack", message: "at most 0.5" }],
          },
        },
      ],
    });
    const error = await fetchAnalysis("/versions/v1/alternatives?slack=0.9", { fetch: f.fetch }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).issues[0]?.path).toBe("query.slack");
  });
});
