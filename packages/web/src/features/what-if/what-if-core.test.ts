import { readFileSync } from "node:fs";
import { computeKpis, simulate } from "@kera/engine";
import { parseDistrictYaml } from "@kera/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ModelInputs } from "../../api/client.js";
import {
  applyLevers,
  computeWhatIf,
  leversOf,
  networkFor,
  prepareInputs,
  REDACTED,
  stripRedacted,
} from "./what-if-core.js";

/** A synthetic typical year (8760 h from 1 January 00:00 UTC): a clear-ish sky every day, colder in winter. */
function syntheticWeather(): ModelInputs["weather"] {
  const n = 8760;
  const ghi: number[] = [];
  const t: number[] = [];
  for (let h = 0; h < n; h++) {
    const day = Math.floor(h / 24);
    const season = 0.5 - 0.5 * Math.cos((2 * Math.PI * (day - 10)) / 365); // 0 in January, 1 in July
    const hod = h % 24;
    ghi.push(Math.max(0, Math.sin((Math.PI * (hod - 4)) / 16)) * (100 + 700 * season));
    t.push(-8 + 26 * season + 3 * Math.sin((Math.PI * (hod - 8)) / 12));
  }
  return {
    source: "synthetic test weather",
    timeline: { startUtcMs: Date.UTC(2021, 0, 1), hours: n, timeZone: "UTC" },
    temperatureC: t,
    relativeHumidityPct: t.map(() => 70),
    windSpeedMs: t.map(() => 4),
    ghiWm2: ghi,
    dhiWm2: ghi.map((g) => g * 0.4),
    dniWm2: ghi.map((g) => g * 0.8),
  };
}

function microInputs(): ModelInputs {
  const file = new URL("../../../../../examples/districts/micro/district.yaml", import.meta.url);
  const parsed = parseDistrictYaml(readFileSync(file, "utf8"), { fileName: "micro.yaml" });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return {
    versionId: "ver_test",
    model: JSON.parse(JSON.stringify(parsed.value)) as Record<string, unknown>,
    weather: syntheticWeather(),
    csvSeries: {},
  };
}

function microNetwork() {
  const p = prepareInputs(microInputs());
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  const built = networkFor(p);
  if (!built.ok) throw new Error(JSON.stringify(built.issues));
  return built.value.network;
}

describe("stripRedacted", () => {
  it("drops confidential placeholders and keeps everything else", () => {
    const model = {
      assets: [{ id: "a", costFixed: REDACTED, costInvest: REDACTED, capacity: 5 }],
      tags: ["x", REDACTED],
    };
    expect(stripRedacted(model)).toEqual({ assets: [{ id: "a", costInvest: 0, capacity: 5 }], tags: ["x"] });
  });
});

describe("what-if levers", () => {
  const network = microNetwork();
  const base = leversOf(network);

  it("reads the micro district's levers", () => {
    expect(base.pvKwp).toBeGreaterThan(0);
    expect(base.storageKwh).toBeGreaterThan(0);
  });

  it("applying levers gives a network with exactly those levers and leaves the input unchanged", () => {
    const pvBefore = Float64Array.from(network.sources[0]?.availableKwh ?? []);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (kPv, kSt) => {
          const target = { ...base, pvKwp: base.pvKwp * kPv, storageKwh: base.storageKwh * kSt };
          const got = leversOf(applyLevers(network, target));
          expect(got.pvKwp).toBeCloseTo(target.pvKwp, 6);
          expect(got.storageKwh).toBeCloseTo(target.storageKwh, 6);
        },
      ),
      { seed: 7, numRuns: 30 },
    );
    expect(Float64Array.from(network.sources[0]?.availableKwh ?? [])).toEqual(pvBefore);
    expect(leversOf(network)).toEqual(base);
  });

  it("PV production scales with the PV lever and vanishes at zero", () => {
    const at = (k: number) => computeWhatIf(network, { ...base, pvKwp: base.pvKwp * k }).kpis;
    const one = at(1);
    const none = at(0);
    expect(one.energy.generationKWh).toBeGreaterThan(0);
    expect(none.energy.generationKWh).toBe(0);
    expect(at(2).energy.generationKWh).toBeCloseTo(2 * one.energy.generationKWh, 3);
    expect(at(2).energyPositivity.producedKWh).toBeGreaterThan(one.energyPositivity.producedKWh);
  });

  it("the unchanged levers reproduce the plain simulation", () => {
    // Against the engine run on the network as built (not through applyLevers, which both sides would share).
    const plain = computeKpis(network, simulate(network, {}), { reference: false });
    const a = computeWhatIf(network, base).kpis;
    expect(plain.energyPositivity.ratio).not.toBeNull();
    expect(a.energyPositivity.ratio).toBeCloseTo(plain.energyPositivity.ratio ?? Number.NaN, 9);
    expect(a.energy.generationKWh).toBeCloseTo(plain.energy.generationKWh, 6);
    expect(a.energy.importKWh.electricity).toBeCloseTo(plain.energy.importKWh.electricity, 6);
  });
});
