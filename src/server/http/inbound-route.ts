import { NextResponse } from "next/server";
import type { z } from "zod";
import { db, type Db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { InboundEmail } from "@/server/inbound/inbound.schema";
import { inboundSecretOf, mailboxForSecret, type InboundMailbox } from "@/server/inbound/inbound-secret";
import { findInboundWorkspace, ingestInboundEmail, type IngestTarget } from "@/server/inbound/ingest";
import { INBOUND_MAX_BYTES } from "@/server/inbound/limits";
import { normalizeParsedInbound, type ParsedInbound } from "@/server/inbound/normalize";
import { kickJobWorker } from "@/server/jobs/worker";
import { parseJsonBytes, readBodyBytes } from "./body";
import { inboundErrorResponse } from "./inbound-errors";

type Parse<T> = (body: Uint8Array, request: Request) => T | Promise<T>;

/**
 * An inbound route whose mailbox secret (header or `?secret=`) selects mailbox and workspace: 401
 * without it, checked before the body is read; `parse` reads the body (400, 422) and `email` makes
 * it the email to ingest.
 */
export function inboundRoute<T>(entry: { parse: Parse<T>; email: (input: T, mailbox: InboundMailbox) => InboundEmail }) {
  return inboundHandler(async (database, request) => {
    const mailbox = await mailboxForSecret(database, inboundSecretOf(request));
    const email = entry.email(await entry.parse(await readBodyBytes(request, INBOUND_MAX_BYTES), request), mailbox);
    const workspace = await findInboundWorkspace(database, mailbox.workspaceId);
    if (!workspace) throw notFound("Workspace");
    return { target: { workspace, mailbox }, email };
  });
}

/**
 * An inbound route whose body names the workspace (404 when unknown): a secret of one of its
 * mailboxes is required only when the workspace says so (`requireInboundSecret`).
 */
export function workspaceInboundRoute<T>(entry: { parse: Parse<T>; workspaceId: (input: T) => string; email: (input: T) => InboundEmail }) {
  return inboundHandler(async (database, request) => {
    const input = await entry.parse(await readBodyBytes(request, INBOUND_MAX_BYTES), request);
    const workspace = await findInboundWorkspace(database, entry.workspaceId(input));
    if (!workspace) throw notFound("Workspace");
    if (workspace.requireInboundSecret) await mailboxForSecret(database, inboundSecretOf(request), workspace.id);
    return { target: { workspace, mailbox: null }, email: entry.email(input) };
  });
}

/**
 * What every inbound route does once `receive` has authenticated the sender and read the email
 * (within the body limit, 413): the one ingest service stores it, the job worker is woken
 * for the follow-up work, and the answer is `{success, ticketId, messageId}`. Anything that fails to
 * persist answers 5xx, so the provider retries (SendGrid and Mailgun drop mail on some 4xx answers).
 */
function inboundHandler(receive: (database: Db, request: Request) => Promise<{ target: IngestTarget; email: InboundEmail }>) {
  return async (request: Request): Promise<Response> => {
    try {
      const database = db();
      const { target, email } = await receive(database, request);
      const result = await ingestInboundEmail(database, target, email);
      kickJobWorker(database);
      return NextResponse.json({ success: true, ticketId: result.ticketId, messageId: result.messageId });
    } catch (error) {
      return inboundErrorResponse(error);
    }
  };
}

/** A JSON inbound body: text PostgreSQL cannot store (NUL, lone surrogates) is cleaned later, not refused. */
export function inboundJson<T extends z.ZodType>(body: Uint8Array, schema: T): z.infer<T> {
  return parseJsonBytes(body, schema, { allowUnsafeText: true });
}

export type ProviderParser = (body: Uint8Array, contentType: string) => Promise<ParsedInbound>;

/** A provider-native inbound route: the mailbox secret, then the provider's parser of its format. */
export function providerInboundRoute(source: string, parse: ProviderParser) {
  return inboundRoute({
    parse: (body, request) => parse(body, request.headers.get("content-type") ?? ""),
    email: (parsed, mailbox) => normalizeParsedInbound(source, parsed, mailbox.address),
  });
}
