import { describe, expect, it } from "vitest";
import { iamAshrae, iamMartinRuiz, iamMartinRuizDiffuse } from "./incidence-angle-modifier.js";

// Reference: pvlib-python tests/test_iam.py (test_martin_ruiz, test_martin_ruiz_diffuse, test_ashrae).
describe("incidence-angle modifiers", () => {
  it("Martin & Ruiz beam: 45 deg -> 0.98986965 (a_r 0.16); 60 deg -> 0.9414631 (a_r 0.18); 0 beyond 90", () => {
    expect(iamMartinRuiz(45)).toBeCloseTo(0.98986965, 8);
    expect(iamMartinRuiz(60, 0.18)).toBeCloseTo(0.9414631, 7);
    expect(iamMartinRuiz(-60, 0.18)).toBeCloseTo(0.9414631, 7);
    expect(iamMartinRuiz(0)).toBe(1);
    expect(iamMartinRuiz(100, 0.18)).toBe(0);
  });

  it("Martin & Ruiz diffuse: tilt 30 -> (0.9549735, 0.7944426); a_r 0.18 tilts 0/30/90/120/180", () => {
    const d = iamMartinRuizDiffuse(30);
    expect(d.sky).toBeCloseTo(0.9549735, 7);
    expect(d.ground).toBeCloseTo(0.7944426, 7);
    const sky = [0.9407678, 0.945225, 0.9407678, 0.9055541, 0];
    const gnd = [0, 0.7610849, 0.9407678, 0.9483508, 0.9407678];
    [0, 30, 90, 120, 180].forEach((t, i) => {
      const r = iamMartinRuizDiffuse(t, 0.18);
      expect(Math.abs(r.sky - sky[i]!)).toBeLessThan(1e-7);
      expect(Math.abs(r.ground - gnd[i]!)).toBeLessThan(1e-7);
    });
  });

  it("ASHRAE: test_ashrae values", () => {
    [
      [0, 1],
      [22.5, 0.99588039],
      [45, 0.97928932],
      [67.5, 0.9193437],
      [-45, 0.97928932],
      [89, 0],
      [90, 0],
    ].forEach(([a, e]) => expect(iamAshrae(a!)).toBeCloseTo(e!, 7));
  });
});
