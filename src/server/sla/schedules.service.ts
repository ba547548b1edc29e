import type { BusinessSchedule as ScheduleRow } from "@/generated/prisma/client";
import { requireOwner, type WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { AppError, isUniqueViolation, notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import type { BusinessInterval, BusinessSchedule } from "./business-time";
import type { ScheduleInput } from "./sla.schema";

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** The stored row as business-time arithmetic reads it. */
export function businessScheduleOf(row: Pick<ScheduleRow, "timeZone" | "intervals" | "holidays">): BusinessSchedule {
  return { timeZone: row.timeZone, intervals: row.intervals as BusinessInterval[], holidays: row.holidays as string[] };
}

/** The public shape of a schedule: intervals as HH:MM clock times, as they are written. */
export function presentSchedule(row: ScheduleRow) {
  const schedule = businessScheduleOf(row);
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    intervals: schedule.intervals.map((i) => ({ weekday: i.weekday, start: clock(i.startMinute), end: clock(i.endMinute) })),
    holidays: schedule.holidays,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ScheduleDto = ReturnType<typeof presentSchedule>;

// Only the schedule's own fields: a tRPC input also carries the workspace it was called for.
const scheduleData = ({ name, timeZone, intervals, holidays }: ScheduleInput) => ({ name, timeZone, intervals, holidays });

const nameTaken = (name: string) => new AppError("CONFLICT", `A schedule named "${name}" already exists`);

export async function listSchedules(db: Db, access: WorkspaceAccess): Promise<ScheduleDto[]> {
  const rows = await db.businessSchedule.findMany({ where: { workspaceId: access.workspace.id }, orderBy: { createdAt: "asc" } });
  return rows.map(presentSchedule);
}

export async function getSchedule(db: Db, access: WorkspaceAccess, scheduleId: string): Promise<ScheduleDto> {
  const row = isUuid(scheduleId) ? await db.businessSchedule.findFirst({ where: { id: scheduleId, workspaceId: access.workspace.id } }) : null;
  if (!row) throw notFound("Schedule");
  return presentSchedule(row);
}

export async function createSchedule(db: Db, access: WorkspaceAccess, input: ScheduleInput): Promise<ScheduleDto> {
  requireOwner(access);
  try {
    return presentSchedule(await db.businessSchedule.create({ data: { workspaceId: access.workspace.id, ...scheduleData(input) } }));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/** Due times already set stay as they were; tickets get the new hours when their SLA is next computed. */
export async function updateSchedule(db: Db, access: WorkspaceAccess, scheduleId: string, input: ScheduleInput): Promise<ScheduleDto> {
  requireOwner(access);
  await getSchedule(db, access, scheduleId);
  try {
    return presentSchedule(await db.businessSchedule.update({ where: { id: scheduleId }, data: scheduleData(input) }));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function deleteSchedule(db: Db, access: WorkspaceAccess, scheduleId: string) {
  requireOwner(access);
  await getSchedule(db, access, scheduleId);
  const used = await db.slaPolicy.count({ where: { scheduleId } });
  if (used > 0) throw new AppError("CONFLICT", "SLA policies use this schedule; give them another schedule first");
  await db.businessSchedule.delete({ where: { id: scheduleId } });
  return { id: scheduleId, deleted: true as const };
}
