import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";

describe("parseConfig", () => {
  it("fills in the defaults for an empty environment", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ DATABASE_POOL_MAX: 10, DATABASE_CONNECT_TIMEOUT_MS: 2000, ATTACHMENT_STORE: "local", JOB_WORKER: "on", JOB_LEASE_MS: 15_000 });
  });

  it("reads numbers and flags, and treats an empty variable as unset", () => {
    const config = parseConfig({ DATABASE_POOL_MAX: "3", S3_FORCE_PATH_STYLE: "true", S3_ENDPOINT: " ", JOB_WORKER: "off" });
    expect(config.S3_ENDPOINT).toBeUndefined();
    expect(config).toMatchObject({ DATABASE_POOL_MAX: 3, S3_FORCE_PATH_STYLE: true, JOB_WORKER: "off" });
  });

  it("names every bad variable in one error", () => {
    expect(() => parseConfig({ DATABASE_POOL_MAX: "many", JOB_WORKER: "maybe" })).toThrow(/DATABASE_POOL_MAX: [\s\S]*JOB_WORKER: /);
  });

  it("refuses a job lease shorter than a second (its renewal would flood the database)", () => {
    expect(() => parseConfig({ JOB_LEASE_MS: "500" })).toThrow(/JOB_LEASE_MS: /);
    expect(parseConfig({ JOB_LEASE_MS: "1000", JOB_CONCURRENCY: "8", JOB_RETENTION_DAYS: "30" })).toMatchObject({ JOB_LEASE_MS: 1000, JOB_CONCURRENCY: 8, JOB_RETENTION_DAYS: 30 });
  });

  it("needs a bucket for the S3 attachment store", () => {
    expect(() => parseConfig({ ATTACHMENT_STORE: "s3" })).toThrow(/S3_BUCKET: is required when ATTACHMENT_STORE=s3/);
    expect(parseConfig({ ATTACHMENT_STORE: "s3", S3_BUCKET: "mail" }).S3_BUCKET).toBe("mail");
  });

  it("takes S3 credentials as a pair", () => {
    expect(() => parseConfig({ S3_ACCESS_KEY_ID: "AKIA" })).toThrow(/S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/);
    expect(() => parseConfig({ S3_SECRET_ACCESS_KEY: "secret" })).toThrow(/go together/);
    expect(parseConfig({ S3_ACCESS_KEY_ID: "AKIA", S3_SECRET_ACCESS_KEY: "secret" })).toMatchObject({ S3_ACCESS_KEY_ID: "AKIA" });
  });

  it("has rate limits on by default, takes 0 as no limit, and refuses negative ones", () => {
    expect(parseConfig({})).toMatchObject({
      TRUST_PROXY: 0,
      RATE_LIMIT_SIGNIN_PER_ACCOUNT: 10,
      RATE_LIMIT_SIGNIN_PER_IP: 100,
      RATE_LIMIT_SIGNIN_WINDOW_SECONDS: 900,
      RATE_LIMIT_INBOUND_PER_WORKSPACE: 1200,
      RATE_LIMIT_INBOUND_PER_SECRET: 600,
      RATE_LIMIT_INBOUND_WINDOW_SECONDS: 60,
      RATE_LIMIT_API_PER_TOKEN: 600,
      RATE_LIMIT_API_WINDOW_SECONDS: 60,
    });
    expect(parseConfig({ RATE_LIMIT_API_PER_TOKEN: "0", TRUST_PROXY: "2" })).toMatchObject({ RATE_LIMIT_API_PER_TOKEN: 0, TRUST_PROXY: 2 });
    expect(() => parseConfig({ RATE_LIMIT_SIGNIN_PER_ACCOUNT: "-1", RATE_LIMIT_API_WINDOW_SECONDS: "0", TRUST_PROXY: "yes" })).toThrow(
      /TRUST_PROXY: [\s\S]*RATE_LIMIT_SIGNIN_PER_ACCOUNT: [\s\S]*RATE_LIMIT_API_WINDOW_SECONDS: /,
    );
  });
});
