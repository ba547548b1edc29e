import type { RouterOutputs } from "@/trpc/types";

export type MailboxInfo = RouterOutputs["mailbox"]["list"][number];
export type MemberInfo = RouterOutputs["member"]["list"][number];
export type ContactListInfo = RouterOutputs["contactList"]["list"][number];
export type CustomerInfo = RouterOutputs["customer"]["list"][number];
export type ApiTokenInfo = RouterOutputs["apiToken"]["list"][number];
export type WorkspaceInfo = RouterOutputs["workspace"]["get"];
