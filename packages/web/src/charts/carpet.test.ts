import { describe, expect, it } from "vitest";
import { carpetImage, rampColour } from "./carpet.js";

describe("carpetImage", () => {
  it("puts hour t at (day, hour) with the darkest colour for the maximum", () => {
    const values = new Float64Array(48);
    values[24 + 5] = 10; // day 2, 05:00
    const img = carpetImage(values);
    expect(img.days).toBe(2);
    expect(img.max).toBe(10);
    const px = (day: number, hour: number) =>
      Array.from(img.rgba.slice((hour * img.days + day) * 4, (hour * img.days + day) * 4 + 4));
    expect(px(1, 5)).toEqual([...rampColour(1), 255]);
    expect(px(0, 5)).toEqual([...rampColour(0), 255]);
  });
  it("shifts by the local offset and leaves hours outside the series transparent", () => {
    const img = carpetImage(new Float64Array(24).fill(1), 2);
    expect(img.days).toBe(2);
    expect(img.rgba[(0 * img.days + 0) * 4 + 3]).toBe(0); // local 00:00 of day 1 is before the series
    expect(img.rgba[(2 * img.days + 0) * 4 + 3]).toBe(255);
  });
});
