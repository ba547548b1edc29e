import { NextResponse } from "next/server";
import { otherMethods } from "@/server/http/methods";
import { openApiDocument } from "@/server/openapi/document";

// GET /api/v1/openapi.json — the OpenAPI 3 document of the REST API (public).
export function GET(request: Request) {
  return NextResponse.json(openApiDocument(new URL(request.url).origin));
}
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
