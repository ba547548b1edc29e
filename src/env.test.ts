import { afterEach, describe, expect, it, vi } from "vitest";
import { appConfig, parseConfig } from "./env";

describe("parseConfig", () => {
  it("fills in the defaults for an empty environment", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      DATABASE_POOL_MAX: 10,
      DATABASE_CONNECT_TIMEOUT_MS: 2000,
      ATTACHMENT_STORE: "local",
      JOB_WORKER: "on",
      JOB_LEASE_MS: 15_000,
    });
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
    expect(parseConfig({ JOB_LEASE_MS: "1000", JOB_CONCURRENCY: "8", JOB_RETENTION_DAYS: "30" })).toMatchObject({
      JOB_LEASE_MS: 1000,
      JOB_CONCURRENCY: 8,
      JOB_RETENTION_DAYS: 30,
    });
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

  it("refuses a bad port, a negative limit and a database other than PostgreSQL or PGlite, naming each", () => {
    expect(parseConfig({}).PORT).toBe(3000);
    expect(parseConfig({ PORT: "8080" }).PORT).toBe(8080);
    expect(() => parseConfig({ PORT: "abc", RATE_LIMIT_API_PER_TOKEN: "-1", DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: must start with postgres:\/\/, postgresql:\/\/ or file: \(got "mysql:…"\)\n {2}PORT: must be a number\n {2}RATE_LIMIT_API_PER_TOKEN: Too small/,
    );
    expect(() => parseConfig({ PORT: "70000" })).toThrow(/PORT: /);
    expect(() => parseConfig({ DATABASE_URL: "file:" })).toThrow(/DATABASE_URL: needs a folder after file:/);
    expect(parseConfig({ DATABASE_URL: " postgres://db/x " }).DATABASE_URL).toBe("postgres://db/x");
    expect(parseConfig({ DATABASE_URL: "file:./tmp/db" }).DATABASE_URL).toBe("file:./tmp/db");
  });

  it("reads the mail, URL and secret settings, and refuses URLs of the wrong kind", () => {
    const defaults = parseConfig({});
    expect(defaults.INBOUND_ATTACHMENTS_ALLOW_PRIVATE_HOSTS).toBe(false);
    expect([defaults.SMTP_URL, defaults.PUBLIC_URL, defaults.MAILGUN_WEBHOOK_SIGNING_KEY]).toEqual([undefined, undefined, undefined]);
    const config = parseConfig({
      SMTP_URL: "smtp://user:pass@mail:587",
      PUBLIC_URL: "https://help.example.com",
      MAILGUN_WEBHOOK_SIGNING_KEY: " key ",
      INBOUND_ATTACHMENTS_ALLOW_PRIVATE_HOSTS: "true",
    });
    expect(config).toMatchObject({
      SMTP_URL: "smtp://user:pass@mail:587",
      PUBLIC_URL: "https://help.example.com",
      MAILGUN_WEBHOOK_SIGNING_KEY: "key",
      INBOUND_ATTACHMENTS_ALLOW_PRIVATE_HOSTS: true,
    });
    expect(() =>
      parseConfig({
        SMTP_URL: "mail.example.com:587",
        PUBLIC_URL: "help.example.com",
        NEXTAUTH_URL: "ftp://x",
        INBOUND_ATTACHMENTS_ALLOW_PRIVATE_HOSTS: "yes",
      }),
    ).toThrow(
      /INBOUND_ATTACHMENTS_ALLOW_PRIVATE_HOSTS: [\s\S]*NEXTAUTH_URL: must be an http:\/\/ or https:\/\/ URL\n {2}PUBLIC_URL: must be an http:\/\/ or https:\/\/ URL\n {2}SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });
});

describe("appConfig", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("parses once, and again when a variable changed (as the tests change them)", () => {
    vi.stubEnv("JOB_POLL_MS", "123");
    const first = appConfig();
    expect(first.JOB_POLL_MS).toBe(123);
    expect(appConfig()).toBe(first);
    vi.stubEnv("JOB_POLL_MS", "456");
    expect(appConfig().JOB_POLL_MS).toBe(456);
    vi.stubEnv("JOB_POLL_MS", "soon");
    expect(() => appConfig()).toThrow(/JOB_POLL_MS: must be a number/);
  });
});
