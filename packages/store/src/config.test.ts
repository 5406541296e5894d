import { describe, expect, it } from "vitest";
import { describeStoreConfig, pgliteDirectory, storeConfigFromEnv } from "./config.js";

describe("store config from env", () => {
  it("defaults to PGlite in ./data", () => {
    expect(storeConfigFromEnv({})).toEqual({ kind: "pglite", dataDir: "./data" });
    expect(storeConfigFromEnv({ DATA_DIR: "/var/kera" })).toEqual({ kind: "pglite", dataDir: "/var/kera" });
    expect(pgliteDirectory("/var/kera")).toBe("/var/kera/pglite");
  });

  it("uses PostgreSQL when DATABASE_URL is set and never logs the password", () => {
    const config = storeConfigFromEnv({
      DATABASE_URL: "postgres://kera:secret@db:5432/kera",
      DATA_DIR: "/x",
    });
    expect(config).toEqual({ kind: "postgres", url: "postgres://kera:secret@db:5432/kera" });
    expect(describeStoreConfig(config)).toBe("postgres://db:5432/kera");
  });
});
