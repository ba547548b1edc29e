import path from "node:path";
import { describe, expect, it } from "vitest";
import { attachmentStore, storeFromConfig } from "@/server/attachments/attachment-store";
import { LocalAttachmentStore } from "@/server/attachments/local-attachment-store";
import { S3AttachmentStore } from "@/server/attachments/s3-attachment-store";
import { parseConfig } from "@/env";

describe("store configuration", () => {
  it("uses ATTACHMENTS_DIR, else ./.data/attachments", () => {
    const configured = storeFromConfig(parseConfig({ ATTACHMENTS_DIR: "/srv/threadline/files" }));
    expect(configured).toBeInstanceOf(LocalAttachmentStore);
    expect((configured as LocalAttachmentStore).root).toBe(path.resolve("/srv/threadline/files"));
    expect((storeFromConfig(parseConfig({})) as LocalAttachmentStore).root).toBe(path.resolve(".data/attachments"));
  });

  it("selects the bucket with ATTACHMENT_STORE=s3, with the endpoint, region and path style configured", async () => {
    const configured = storeFromConfig(
      parseConfig({
        ATTACHMENT_STORE: "s3",
        S3_BUCKET: "threadline-files",
        S3_REGION: "eu-central-1",
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_FORCE_PATH_STYLE: "true",
      }),
    );
    expect(configured).toBeInstanceOf(S3AttachmentStore);
    const { bucket, client } = configured as S3AttachmentStore;
    expect(bucket).toBe("threadline-files");
    expect(await client.config.region()).toBe("eu-central-1");
    expect(client.config.forcePathStyle).toBe(true);
    expect(await client.config.endpoint?.()).toMatchObject({ hostname: "127.0.0.1", port: 9000, protocol: "http:" });
  });

  it("hands out one store per process, the local folder by default", () => {
    expect(attachmentStore()).toBeInstanceOf(LocalAttachmentStore);
    expect(attachmentStore()).toBe(attachmentStore());
  });
});
