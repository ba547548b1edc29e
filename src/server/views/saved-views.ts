import { Prisma, type SavedView } from "@/generated/prisma/client";
import { requireOwner, type WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import { TAB_COUNT_CAP, TICKET_TABS } from "@/server/tickets/ticket-counts";
import { scopeConditions, tabConditions } from "@/server/tickets/ticket-search";
import { createViewSchema, updateViewSchema, viewFiltersSchema, type CreateViewInput, type UpdateViewInput, type ViewFilters } from "./saved-views.schema";

export function presentView(view: SavedView, count: { count: number; capped: boolean }) {
  return {
    id: view.id,
    name: view.name,
    shared: view.ownerUserId === null,
    filters: viewFiltersSchema.parse(view.filters),
    count: count.count,
    /** True when more tickets match than `count` (the tab counts' cap). */
    capped: count.capped,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}
export type ViewDto = ReturnType<typeof presentView>;

/** The views the caller sees: shared ones, then their own. */
const visibleTo = (access: WorkspaceAccess): Prisma.SavedViewWhereInput => ({
  workspaceId: access.workspace.id,
  OR: [{ ownerUserId: null }, { ownerUserId: access.user.id }],
});

/** How many tickets each view holds for the caller, in one statement (each stops one past the cap, like the tab counts). */
async function countViews(db: Db, access: WorkspaceAccess, filters: ViewFilters[]) {
  if (filters.length === 0) return [];
  const counts = await Promise.all(
    filters.map(async (view, i) => {
      const tab = TICKET_TABS[view.tab];
      const scope = await scopeConditions(db, access.workspace.id, view, access.user.id);
      const where = Prisma.join([...scope, ...tabConditions(tab.archived, tab.statuses, tab.snoozed)], " AND ");
      return Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM "Ticket" t WHERE ${where} LIMIT ${TAB_COUNT_CAP + 1}) capped) AS ${Prisma.raw(`"v${i}"`)}`;
    }),
  );
  const [row] = await db.$queryRaw<Record<string, bigint>[]>`SELECT ${Prisma.join(counts, ", ")}`;
  return filters.map((_, i) => {
    const matched = Number(row?.[`v${i}`] ?? 0);
    return { count: Math.min(matched, TAB_COUNT_CAP), capped: matched > TAB_COUNT_CAP };
  });
}

export async function listViews(db: Db, access: WorkspaceAccess): Promise<ViewDto[]> {
  const views = await db.savedView.findMany({ where: visibleTo(access), orderBy: [{ ownerUserId: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }] });
  const counts = await countViews(
    db,
    access,
    views.map((view) => viewFiltersSchema.parse(view.filters)),
  );
  return views.map((view, i) => presentView(view, counts[i]!));
}

async function withCount(db: Db, access: WorkspaceAccess, view: SavedView) {
  const [count] = await countViews(db, access, [viewFiltersSchema.parse(view.filters)]);
  return presentView(view, count!);
}

/** Anyone saves a view of their own; a shared one is the owners'. */
export async function createView(db: Db, access: WorkspaceAccess, input: CreateViewInput): Promise<ViewDto> {
  const view = createViewSchema.parse(input);
  if (view.shared) requireOwner(access);
  const created = await db.savedView.create({
    data: { workspaceId: access.workspace.id, ownerUserId: view.shared ? null : access.user.id, name: view.name, filters: view.filters },
  });
  return withCount(db, access, created);
}

/** A view the caller may change: their own, or a shared one if they are an owner (another member's own view is not found). */
async function findEditableView(db: Db, access: WorkspaceAccess, viewId: string) {
  const view = isUuid(viewId) ? await db.savedView.findFirst({ where: { id: viewId, ...visibleTo(access) } }) : null;
  if (!view) throw notFound("View");
  if (view.ownerUserId === null) requireOwner(access);
  return view;
}

export async function updateView(db: Db, access: WorkspaceAccess, viewId: string, input: UpdateViewInput): Promise<ViewDto> {
  const patch = updateViewSchema.parse(input);
  const view = await findEditableView(db, access, viewId);
  await db.savedView.updateMany({ where: { id: view.id, workspaceId: view.workspaceId }, data: { name: patch.name, filters: patch.filters } });
  // Deleted meanwhile: not found, as if it had gone first.
  const updated = await db.savedView.findUnique({ where: { id: view.id } });
  if (!updated) throw notFound("View");
  return withCount(db, access, updated);
}

export async function deleteView(db: Db, access: WorkspaceAccess, viewId: string) {
  const view = await findEditableView(db, access, viewId);
  await db.savedView.deleteMany({ where: { id: view.id, workspaceId: view.workspaceId } });
  return { id: view.id, deleted: true as const };
}
