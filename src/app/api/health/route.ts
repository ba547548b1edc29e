import { NextResponse } from "next/server";
import { databasePoolCounts, db } from "@/server/db";
import { errorResponse } from "@/server/http/errors";
import { otherMethods } from "@/server/http/methods";

export const dynamic = "force-dynamic";

// GET /api/health — 200 when this instance can reach its database, else 503 (for load balancers).
// On PostgreSQL it also reports the connection pool's counts (total, idle, waiting).
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    const pool = databasePoolCounts();
    return NextResponse.json({ status: "ok", ...(pool ? { pool } : {}) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
