import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { scheduleInputSchema } from "@/server/sla/sla.schema";
import { createSchedule, listSchedules } from "@/server/sla/schedules.service";

// GET /api/v1/workspaces/:workspaceId/business-hours — the workspace's schedules.
export const GET = withWorkspace(async ({ db, access }) => NextResponse.json(await listSchedules(db, access)));

// POST /api/v1/workspaces/:workspaceId/business-hours — owners only; 201 with the schedule.
export const POST = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await createSchedule(db, access, await parseJsonBody(request, scheduleInputSchema)), { status: 201 }),
);
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
