import type { Tag } from "@/generated/prisma/client";
import { requireOwner, type WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { AppError, isUniqueViolation, notFound } from "@/server/errors";
import { byName } from "@/server/collation";
import { isUuid } from "@/server/ids";
import { likeLiteral } from "@/server/like";
import type { CreateTagInput } from "./tags.schema";

/** The public shape of a tag (REST and tRPC answer the same). */
export function presentTag(tag: Tag) {
  return { id: tag.id, name: tag.name, color: tag.color, createdAt: tag.createdAt.toISOString() };
}
export type TagDto = ReturnType<typeof presentTag>;

export async function listTags(db: Db, access: WorkspaceAccess): Promise<TagDto[]> {
  const workspaceId = access.workspace.id;
  const tags = await db.tag.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } });
  return tags.sort(byName).map(presentTag);
}

const nameTaken = (name: string) => new AppError("CONFLICT", `A tag named "${name}" already exists`);

/**
 * Any member may tag, so any member may create a tag. Names are unique regardless of case, as
 * agents expect "Billing" and "billing" to be one tag; the unique index catches concurrent twins.
 */
export async function createTag(db: Db, access: WorkspaceAccess, input: CreateTagInput): Promise<TagDto> {
  const workspaceId = access.workspace.id;
  const twin = await db.tag.findFirst({ where: { workspaceId, name: { equals: likeLiteral(input.name), mode: "insensitive" } } });
  if (twin) throw nameTaken(twin.name);
  try {
    return presentTag(await db.tag.create({ data: { workspaceId, name: input.name, color: input.color } }));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/** Removes the tag from every ticket too (the TicketTag rows cascade). */
export async function deleteTag(db: Db, access: WorkspaceAccess, tagId: string) {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  const { count } = isUuid(tagId) ? await db.tag.deleteMany({ where: { id: tagId, workspaceId } }) : { count: 0 };
  if (count === 0) throw notFound("Tag");
  return { id: tagId, deleted: true as const };
}
