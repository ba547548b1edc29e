import { NextResponse } from "next/server";
import { openApiDocument } from "@/server/openapi/document";

// GET /api/v1/openapi.json — the OpenAPI 3 document of the REST API (public).
export function GET(request: Request) {
  return NextResponse.json(openApiDocument(new URL(request.url).origin));
}
