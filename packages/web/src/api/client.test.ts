import { describe, expect, it } from "vitest";
import { ApiError, errorText } from "./client.js";

describe("errorText", () => {
  it("names every issue of a problem with its path", () => {
    const e = new ApiError(422, "invalid-body", "The request body is not valid", [
      { code: "too-small", path: "body.capacity", message: "must be at least 0" },
      { code: "required", path: "body.name", message: "is required" },
    ]);
    expect(errorText(e)).toBe(
      "The request body is not valid body.capacity: must be at least 0 body.name: is required",
    );
  });

  it("is the message of other errors and the text of anything else", () => {
    expect(errorText(new ApiError(403, "forbidden", "Not allowed"))).toBe("Not allowed");
    expect(errorText(new TypeError("Failed to fetch"))).toBe("Failed to fetch");
    expect(errorText("offline")).toBe("offline");
  });
});
