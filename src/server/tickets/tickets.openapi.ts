import { z } from "zod";
import { WORKSPACE_ERRORS, type Operation } from "@/server/openapi-operation";
import {
  addMessageSchema,
  bulkUpdateTicketsSchema,
  changeStatusSchema,
  createTicketSchema,
  listTicketsSchema,
  mergeTicketSchema,
  ticketCountsSchema,
  splitTicketSchema,
  updateTicketSchema,
} from "./tickets.schema";
import { snoozeTicketSchema } from "./snooze";
import { TAB_COUNT_CAP } from "./ticket-counts";
import { saveDraftSchema } from "./ticket-drafts.schema";

const base = "/api/v1/workspaces/{workspaceId}/tickets";
const one = `${base}/{ticketId}`;
const common = { tag: "Tickets", security: "bearer" } as const;

export const ticketOperations: Operation[] = [
  {
    ...common,
    method: "get",
    path: base,
    summary: "List tickets",
    description:
      "Newest activity first; with sort=due the tickets with a pending SLA target, soonest due first; with sort=relevance and a search, its best matches first (the ticket number typed, then the sender or customer named, then the words in the subject, then the full-text rank), ranked among its newest 500 matches and paged by cursor or offset within them; sla=due or sla=breached keeps tickets with a due time, or past one. Each ticket carries sla: {firstResponseDueAt, nextResponseDueAt, resolutionDueAt, dueAt}. search takes words (full text over the subject and message bodies, plus the sender's address or name, the customer's name or domain, and the ticket number when a word is one), #123 for ticket numbers, and the operators from: (sender address, part or domain), to: (mailbox address or name), tag:, status:, priority: and assignee: (me, none, an email or name); values with spaces in quotes (assignee:\"Adam Agent\"), several values of one operator match any; unknown operators are searched as text. mailbox=<id> keeps what came in through that mailbox; unread=true keeps the tickets a customer wrote on since the caller last opened them. Archived tickets only with archived=true. Each ticket's unread is true when the customer wrote since the caller last opened it in the app. The total is in X-Total-Count (count=none leaves it out). While more pages follow, X-Next-Cursor holds the cursor of the next one: pass it as cursor (instead of offset) for a page as fast at any depth.",
    query: listTicketsSchema,
    responses: { 200: "Array of tickets", 422: "Bad filters, or a cursor this list did not answer", ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "get",
    path: `${base}/counts`,
    summary: "Count the tickets of each inbox tab",
    description: `open, pending (both without snoozed tickets), snoozed (open or pending, set aside), closed, all (not archived) and archived, each {count, capped} under the same filters as the list; a count stops at ${TAB_COUNT_CAP.toLocaleString("en")} (capped: true past it).`,
    query: ticketCountsSchema,
    responses: { 200: "{open, pending, snoozed, closed, all, archived}: {count, capped}", 422: "Bad filters", ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "post",
    path: base,
    summary: "Create a ticket",
    body: createTicketSchema,
    responses: { 201: "The ticket", 422: "Invalid input", ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "post",
    path: `${base}/bulk`,
    summary: "Close, assign or tag many tickets",
    description:
      "One action on up to 500 tickets in one transaction, each change on its ticket's timeline. add_tag adds that one tag (created on demand) without touching the others. Answers {changed, unchanged, skipped} by ticket id; merged tickets and unknown ids are skipped.",
    body: bulkUpdateTicketsSchema,
    responses: { 200: "{changed, unchanged, skipped: [{ticketId, reason}]}", 422: "Invalid input or assignee not a member", ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "get",
    path: one,
    summary: "Get a ticket with its messages and activity",
    responses: { 200: "The ticket with `messages` and `activity`", ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "patch",
    path: one,
    summary: "Assign, prioritize, rename or tag a ticket",
    description: "assigneeId null unassigns; tags is the whole set, by name, created on demand.",
    body: updateTicketSchema,
    responses: { 200: "The ticket", 422: "Invalid input or assignee not a member", ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "post",
    path: `${one}/messages`,
    summary: "Reply or add an internal note",
    description:
      "With sendEmail (not for notes) the reply is emailed to the contact or toAddresses, threaded under the last inbound message, with the [#n] token in the subject. The email waits the workspace's undo window (settings.undoSendSeconds, default 10, 0 sends at once): scheduledSendAt says when it goes out, and until then POST …/messages/{messageId}/undo takes it back. With lastSeenMessageId (the last message the writer saw) a reply is refused with 409 when a customer message or another agent's reply came after it; error.details.arrived lists them (id, direction, author, fromAddress, fromName, createdAt, excerpt). Without it nothing is checked; notes are never refused. With statusAfter the ticket moves to that status in the same commit (\"send and close\"); a ticket already in it is left as it is.",
    body: addMessageSchema,
    responses: {
      201: "The message (scheduledSendAt: when its email goes out, null if at once)",
      409: "The ticket was merged, or messages arrived after lastSeenMessageId (details.arrived)",
      422: "Invalid input, or lastSeenMessageId not a message of this ticket",
      ...WORKSPACE_ERRORS,
    },
  },
  {
    ...common,
    method: "post",
    path: `${one}/messages/{messageId}/undo`,
    summary: "Undo a reply in its undo window",
    description:
      "Only the reply's author, only while its email still waits (scheduledSendAt not reached and no worker took it). The message, its email and its timeline entry are removed; its text, recipients and files become the caller's draft, which is answered.",
    responses: { 200: "The draft", 409: "Already sent", ...WORKSPACE_ERRORS, 404: "No such reply of the caller" },
  },
  {
    ...common,
    method: "get",
    path: `${one}/draft`,
    summary: "Get the caller's draft",
    description: "What the caller typed in the ticket's composer and has not sent: mode, body, toAddresses, ccAddresses, attachments (unused uploads).",
    responses: { 200: "The draft", ...WORKSPACE_ERRORS, 404: "No draft (or no such ticket)" },
  },
  {
    ...common,
    method: "put",
    path: `${one}/draft`,
    summary: "Save the caller's draft",
    description: "Replaces it. Addresses are kept as typed; sending the message validates them and clears the draft.",
    body: saveDraftSchema,
    responses: { 200: "The draft", 422: "Invalid input", ...WORKSPACE_ERRORS },
  },
  { ...common, method: "delete", path: `${one}/draft`, summary: "Discard the caller's draft", responses: { 204: "Discarded", ...WORKSPACE_ERRORS } },
  {
    ...common,
    method: "post",
    path: `${one}/attachments`,
    summary: "Upload an attachment",
    description: "multipart/form-data with a `file` field, at most 25 MiB; executables are refused. Use the id in attachmentIds of a message.",
    body: z.object({ file: z.string().describe("The file (binary)") }),
    bodyType: "multipart/form-data",
    responses: {
      201: "The attachment {id, filename, contentType, size}",
      400: "Not multipart",
      413: "Too large",
      422: "Missing file or type not allowed",
      ...WORKSPACE_ERRORS,
    },
  },
  {
    ...common,
    method: "post",
    path: `${one}/status`,
    summary: "Change the status",
    description: "open ⇄ pending ⇄ closed; merged is final.",
    body: changeStatusSchema,
    responses: { 200: "The ticket", 409: "Illegal transition", 422: "Invalid input", ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "post",
    path: `${one}/merge`,
    summary: "Merge this ticket into another",
    description: "Messages, tags and attachments move to the target; this ticket becomes merged. Answers {source, target, movedCount}.",
    body: mergeTicketSchema,
    responses: { 200: "{source, target, movedCount}", 409: "Either ticket is merged already", 422: "Self-merge", ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "post",
    path: `${one}/split`,
    summary: "Split messages into a new ticket",
    body: splitTicketSchema,
    responses: { 201: "{ticket, movedCount}", 422: "Messages of another ticket, or all of them", ...WORKSPACE_ERRORS },
  },
  { ...common, method: "post", path: `${one}/archive`, summary: "Archive a ticket", responses: { 200: "The ticket with archivedAt set", ...WORKSPACE_ERRORS } },
  {
    ...common,
    method: "post",
    path: `${one}/unarchive`,
    summary: "Unarchive a ticket",
    responses: { 200: "The ticket with archivedAt cleared", ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "post",
    path: `${one}/snooze`,
    summary: "Snooze a ticket",
    description:
      "Sets an open or pending ticket aside until `until` (it keeps its status; list with snoozed=true to see snoozed tickets, snoozed=false to leave them out). It wakes then, or earlier when the customer replies; snoozing again replaces the time.",
    body: snoozeTicketSchema,
    responses: { 200: "The ticket with snoozedUntil set", 409: "The ticket is closed or merged", 422: "A time not in the future", ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "delete",
    path: `${one}/snooze`,
    summary: "Unsnooze a ticket",
    description: "Wakes the ticket now; a ticket that is not snoozed is answered as it is.",
    responses: { 200: "The ticket with snoozedUntil cleared", ...WORKSPACE_ERRORS },
  },
];
