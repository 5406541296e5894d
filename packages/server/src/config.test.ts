import { describe, expect, it } from "vitest";
import { isLoopbackHost, readConfig } from "./config.js";

describe("readConfig", () => {
  it("has documented defaults: loopback on 8080, ./data, seeding on, insecure cookies only on loopback", () => {
    const c = readConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: "127.0.0.1",
      dataDir: "./data",
      seed: true,
      cookieSecure: false,
    });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.redisUrl).toBeUndefined();
    expect(c.queueName).toBeUndefined();
    expect(readConfig({ KERA_QUEUE_NAME: " kera-test " }).queueName).toBe("kera-test");
    expect(readConfig({ HOST: "0.0.0.0" }).cookieSecure).toBe(true);
    expect(readConfig({ HOST: "0.0.0.0", COOKIE_SECURE: "false" }).cookieSecure).toBe(false);
    expect(readConfig({ KERA_SEED: "off" }).seed).toBe(false);
    expect(readConfig({ KERA_WORKERS: "0" }).workers).toBe(0);
    expect(readConfig({ KERA_TRUST_PROXY: "1" }).trustProxy).toBe(true);
  });

  it("rejects malformed numbers with the variable's name", () => {
    expect(() => readConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => readConfig({ KERA_WORKERS: "-1" })).toThrow(/KERA_WORKERS/);
  });

  it("knows loopback hosts", () => {
    expect(["127.0.0.1", "127.1.2.3", "::1", "localhost"].every(isLoopbackHost)).toBe(true);
    expect(isLoopbackHost("0.0.0.0")).toBe(false);
  });
});
