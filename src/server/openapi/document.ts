import { z } from "zod";
import { automationOperations } from "@/server/automations/automations.openapi";
import { deliveryOperations } from "@/server/delivery/delivery.openapi";
import { inboundOperations } from "@/server/http/inbound-route.openapi";
import { providerInboundOperations } from "@/server/http/provider-inbound-route.openapi";
import { incomingMailOperations } from "@/server/incoming-mails/incoming-mails.openapi";
import { macroOperations } from "@/server/macros/macros.openapi";
import { savedReplyOperations } from "@/server/saved-replies/saved-replies.openapi";
import { satisfactionOperations } from "@/server/satisfaction/satisfaction.openapi";
import { slaOperations } from "@/server/sla/sla.openapi";
import { liveOperations } from "@/server/live/live.openapi";
import { ticketOperations } from "@/server/tickets/tickets.openapi";
import { viewOperations } from "@/server/views/saved-views.openapi";
import { workspaceOperations } from "@/server/workspaces/workspaces.openapi";
import { errorResponseSchema, type Operation } from "@/server/openapi-operation";
import { settingsOperations } from "./settings.openapi";

/** Every documented operation, in the order the reference shows them. */
const healthOperation: Operation = {
  method: "get",
  path: "/api/health",
  tag: "Operations",
  security: "none",
  summary: "Health check",
  description: "For load balancers and orchestrators: answers quickly whether this instance can reach its database.",
  responses: {
    200: '{status: "ok", pool?: {total, idle, waiting}}: serving (pool: this instance\'s PostgreSQL connections)',
    503: "The database is unavailable; try another instance or retry (Retry-After)",
  },
};

export const operations: Operation[] = [
  healthOperation,
  ...inboundOperations,
  ...providerInboundOperations,
  ...workspaceOperations,
  ...ticketOperations,
  ...viewOperations,
  ...settingsOperations,
  ...automationOperations,
  ...savedReplyOperations,
  ...macroOperations,
  ...incomingMailOperations,
  ...deliveryOperations,
  ...satisfactionOperations,
  ...slaOperations,
  ...liveOperations,
];

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "openapi-3.0" });

const SECURITY: Record<Operation["security"], Record<string, string[]>[]> = {
  bearer: [{ bearerAuth: [] }],
  inboundSecret: [{ inboundSecret: [] }, { inboundSecretQuery: [] }],
  mailgunSignature: [],
  none: [],
};

function parameters(operation: Operation) {
  const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
  const query = operation.query ? (jsonSchema(operation.query) as { properties?: Record<string, object>; required?: string[] }) : {};
  const inQuery = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: query.required?.includes(name) ?? false,
    schema,
  }));
  return [...inPath, ...inQuery];
}

function describe(operation: Operation) {
  return {
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    operationId: `${operation.method}${operation.path.replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
    security: SECURITY[operation.security],
    parameters: parameters(operation),
    ...(operation.body
      ? { requestBody: { required: true, content: { [operation.bodyType ?? "application/json"]: { schema: jsonSchema(operation.body) } } } }
      : {}),
    responses: Object.fromEntries(
      Object.entries(operation.responses).map(([status, description]) => [
        status,
        Number(status) >= 400 && Number(status) !== 500
          ? { description, content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorResponse" } } } }
          : { description },
      ]),
    ),
  };
}

/** The OpenAPI 3 document of the whole REST API, generated from the handlers' zod schemas. */
export function openApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) (paths[operation.path] ??= {})[operation.method] = describe(operation);
  return {
    openapi: "3.0.3",
    info: {
      title: "Threadline REST API",
      version: "1.0.0",
      description: "Tickets, inbound email, incoming mails, automations and workspace settings. Errors answer {error: {code, message, details}}.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API token: npm run admin -- token create, or Settings → API tokens" },
        inboundSecret: { type: "apiKey", in: "header", name: "X-Inbound-Secret" },
        inboundSecretQuery: { type: "apiKey", in: "query", name: "secret" },
      },
      schemas: { ErrorResponse: jsonSchema(errorResponseSchema) },
    },
  };
}
