import type { Kpis } from "@kera/engine";
import { describe, expect, it } from "vitest";
import { energyFlows, positivityTarget, positivityUnit, residentsByYear, statusOf } from "./indicators.js";

const energy = (over: Partial<Kpis["energy"]>): Kpis =>
  ({
    energy: {
      demandKWh: { electricity: 100, heat: 200, cooling: 0 },
      evChargingKWh: 10,
      converterElectricityKWh: 30,
      generationKWh: 50,
      curtailedKWh: 0,
      importKWh: { electricity: 90, heat: 120, cooling: 0 },
      exportKWh: { electricity: 0, heat: 0, cooling: 0 },
      unmetKWh: { electricity: 0, heat: 0, cooling: 0 },
      offsiteContractedKWh: 0,
      wasteHeatRecoveredKWh: 0,
      heatPumpHeatKWh: 80,
      ...over,
    },
  }) as unknown as Kpis;

describe("energyFlows", () => {
  it("leaves out empty flows and keeps the rest", () => {
    const flows = energyFlows(energy({}));
    expect(flows.find((f) => f.source === "flowDcImport")).toBeUndefined();
    expect(flows.find((f) => f.source === "flowPv")?.kWh).toBe(50);
    expect(flows.find((f) => f.target === "flowBuildingsHeat")?.kWh).toBe(200);
  });
  it("supply into the electricity bus equals its uses when the balance closes", () => {
    const flows = energyFlows(energy({}));
    const into = flows.filter((f) => f.target === "flowElectricity").reduce((s, f) => s + f.kWh, 0);
    const out = flows.filter((f) => f.source === "flowElectricity").reduce((s, f) => s + f.kWh, 0);
    expect(into).toBe(140);
    expect(out).toBe(140);
  });
});

describe("status and build-out", () => {
  it("states positivity from the ratio", () => {
    expect(statusOf(1.02)).toBe("positive");
    expect(statusOf(0.6)).toBe("onTrack");
    expect(statusOf(0.1)).toBe("behind");
    expect(statusOf(null)).toBe("behind");
  });
  it("counts residents cumulatively over the completion years, gaps included", () => {
    const model = {
      buildingGroups: [
        { yearCompleted: 2026, residents: 100 },
        { yearCompleted: 2028, residents: 50 },
        { yearCompleted: 2026, residents: 10 },
        { residents: 999 },
      ],
    };
    expect(residentsByYear(model)).toEqual([
      { year: 2026, residents: 110 },
      { year: 2027, residents: 110 },
      { year: 2028, residents: 160 },
    ]);
    expect(residentsByYear({})).toEqual([]);
  });
  it("finds the positivity target", () => {
    expect(positivityTarget({ targets: [{ year: 2035, energyPositivityRatio: 1 }] })).toEqual({
      year: 2035,
      ratio: 1,
    });
    expect(positivityTarget({})).toBeUndefined();
  });
});

describe("positivityUnit", () => {
  it("names the thousands of each positivity unit (emissions are not MWh)", () => {
    expect(positivityUnit("kWh")).toBe("MWh");
    expect(positivityUnit("kWh_PE")).toBe("MWh (PE)");
    expect(positivityUnit("kgCO2e")).toBe("tCO2e");
  });
});
