import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { scheduleInputSchema } from "@/server/sla/sla.schema";
import { deleteSchedule, getSchedule, updateSchedule } from "@/server/sla/schedules.service";

type Params = { workspaceId: string; scheduleId: string };

// GET /api/v1/workspaces/:workspaceId/business-hours/:scheduleId
export const GET = withWorkspace<Params>(async ({ db, access, params }) => NextResponse.json(await getSchedule(db, access, params.scheduleId)));

// PUT /api/v1/workspaces/:workspaceId/business-hours/:scheduleId — owners only; replaces the schedule.
export const PUT = withWorkspace<Params>(async ({ request, db, access, params }) =>
  NextResponse.json(await updateSchedule(db, access, params.scheduleId, await parseJsonBody(request, scheduleInputSchema))),
);

// DELETE /api/v1/workspaces/:workspaceId/business-hours/:scheduleId — owners only; 409 while a policy uses it.
export const DELETE = withWorkspace<Params>(async ({ db, access, params }) => NextResponse.json(await deleteSchedule(db, access, params.scheduleId)));
export const { POST, PATCH, OPTIONS } = otherMethods({ GET, PUT, DELETE });
