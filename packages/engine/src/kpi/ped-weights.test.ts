import { describe, expect, it } from "vitest";
import type { Location, PedBoundary } from "../network/network.js";
import { insideBoundary } from "./ped-weights.js";

describe("insideBoundary", () => {
  // The PED boundaries nest: on-site ⊂ functional ⊂ virtual (docs/concepts: energy positivity).
  const table: Record<PedBoundary, Record<Location, boolean>> = {
    onSite: { onSite: true, functional: false, virtual: false },
    functional: { onSite: true, functional: true, virtual: false },
    virtual: { onSite: true, functional: true, virtual: true },
  };
  for (const [boundary, row] of Object.entries(table) as [PedBoundary, Record<Location, boolean>][]) {
    for (const [location, expected] of Object.entries(row) as [Location, boolean][]) {
      it(`${location} generation counts inside the ${boundary} boundary: ${expected}`, () => {
        expect(insideBoundary(boundary, location)).toBe(expected);
      });
    }
  }
});
