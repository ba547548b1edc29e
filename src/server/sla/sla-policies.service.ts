import type { SlaPolicy } from "@/generated/prisma/client";
import { requireOwner, type WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { AppError, isUniqueViolation, notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import type { PolicyInput } from "./sla.schema";

export function presentPolicy(row: SlaPolicy) {
  return {
    id: row.id,
    name: row.name,
    priority: row.priority,
    mailboxId: row.mailboxId,
    scheduleId: row.scheduleId,
    firstResponseMinutes: row.firstResponseMinutes,
    nextResponseMinutes: row.nextResponseMinutes,
    resolutionMinutes: row.resolutionMinutes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PolicyDto = ReturnType<typeof presentPolicy>;

const PRIORITY_ORDER = ["urgent", "high", "normal", "low"];

export async function listPolicies(db: Db, access: WorkspaceAccess): Promise<PolicyDto[]> {
  const rows = await db.slaPolicy.findMany({ where: { workspaceId: access.workspace.id }, orderBy: { createdAt: "asc" } });
  return rows.sort((a, b) => PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority)).map(presentPolicy);
}

async function findPolicy(db: Db, access: WorkspaceAccess, policyId: string): Promise<SlaPolicy> {
  const row = isUuid(policyId) ? await db.slaPolicy.findFirst({ where: { id: policyId, workspaceId: access.workspace.id } }) : null;
  if (!row) throw notFound("SLA policy");
  return row;
}

export async function getPolicy(db: Db, access: WorkspaceAccess, policyId: string): Promise<PolicyDto> {
  return presentPolicy(await findPolicy(db, access, policyId));
}

/** The schedule and mailbox a policy names must be the workspace's own: 422 names the field otherwise. */
async function checkReferences(db: Db, workspaceId: string, input: PolicyInput) {
  const invalid = (field: string, message: string) => new AppError("VALIDATION", message, { fields: { [field]: message } });
  const schedule = isUuid(input.scheduleId) ? await db.businessSchedule.count({ where: { id: input.scheduleId, workspaceId } }) : 0;
  if (schedule === 0) throw invalid("scheduleId", "Choose a business-hours schedule of this workspace");
  if (input.mailboxId === null) return;
  const mailbox = isUuid(input.mailboxId) ? await db.mailbox.count({ where: { id: input.mailboxId, workspaceId } }) : 0;
  if (mailbox === 0) throw invalid("mailboxId", "Choose a mailbox of this workspace");
}

// Only the policy's own fields: a tRPC input also carries the workspace it was called for.
const policyData = (input: PolicyInput) => ({
  name: input.name,
  priority: input.priority,
  mailboxId: input.mailboxId,
  scheduleId: input.scheduleId,
  firstResponseMinutes: input.firstResponseMinutes,
  nextResponseMinutes: input.nextResponseMinutes,
  resolutionMinutes: input.resolutionMinutes,
});

const duplicate = () => new AppError("CONFLICT", "A policy for this priority and mailbox already exists");

/** Tickets get the policy's targets when their SLA is next computed (a new ticket, a priority change, a reply). */
export async function createPolicy(db: Db, access: WorkspaceAccess, input: PolicyInput): Promise<PolicyDto> {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  await checkReferences(db, workspaceId, input);
  try {
    return presentPolicy(await db.slaPolicy.create({ data: { workspaceId, ...policyData(input) } }));
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

export async function updatePolicy(db: Db, access: WorkspaceAccess, policyId: string, input: PolicyInput): Promise<PolicyDto> {
  requireOwner(access);
  await findPolicy(db, access, policyId);
  await checkReferences(db, access.workspace.id, input);
  try {
    return presentPolicy(await db.slaPolicy.update({ where: { id: policyId }, data: policyData(input) }));
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

export async function deletePolicy(db: Db, access: WorkspaceAccess, policyId: string) {
  requireOwner(access);
  await findPolicy(db, access, policyId);
  await db.slaPolicy.delete({ where: { id: policyId } });
  return { id: policyId, deleted: true as const };
}
