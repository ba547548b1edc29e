import { NextResponse } from "next/server";
import { db } from "@/server/db";
import { errorResponse } from "@/server/http/errors";

export const dynamic = "force-dynamic";

// GET /api/health — 200 when this instance can reach its database, else a 5xx (for load balancers).
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
