import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export type TicketSummary = RouterOutputs["ticket"]["list"]["tickets"][number];
export type TicketDetail = RouterOutputs["ticket"]["get"];
export type ThreadMessage = TicketDetail["messages"][number];
export type ActivityEntry = TicketDetail["activity"][number];
export type Member = RouterOutputs["member"]["list"][number];
export type TagOption = RouterOutputs["tag"]["list"][number];
export type IncomingMail = RouterOutputs["incomingMail"]["list"]["mails"][number];
export type Priority = TicketSummary["priority"];
export type AutomationRule = RouterOutputs["automation"]["list"][number];
export type ContactListOption = RouterOutputs["contactList"]["list"][number];
