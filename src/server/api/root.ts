import { createCallerFactory, createTRPCRouter } from "./trpc";
import { apiTokenRouter } from "./routers/api-token";
import { automationRouter } from "./routers/automation";
import { contactRouter } from "./routers/contact";
import { contactListRouter } from "./routers/contact-list";
import { customerRouter } from "./routers/customer";
import { incomingMailRouter } from "./routers/incoming-mail";
import { macroRouter } from "./routers/macro";
import { mailboxRouter } from "./routers/mailbox";
import { memberRouter } from "./routers/member";
import { notificationRouter } from "./routers/notification";
import { outboundEmailRouter } from "./routers/outbound-email";
import { presenceRouter } from "./routers/presence";
import { slaRouter } from "./routers/sla";
import { savedReplyRouter } from "./routers/saved-reply";
import { tagRouter } from "./routers/tag";
import { viewRouter } from "./routers/view";
import { ticketRouter } from "./routers/ticket";
import { workspaceRouter } from "./routers/workspace";

export const appRouter = createTRPCRouter({
  workspace: workspaceRouter,
  ticket: ticketRouter,
  automation: automationRouter,
  mailbox: mailboxRouter,
  tag: tagRouter,
  view: viewRouter,
  sla: slaRouter,
  member: memberRouter,
  contactList: contactListRouter,
  customer: customerRouter,
  contact: contactRouter,
  outboundEmail: outboundEmailRouter,
  incomingMail: incomingMailRouter,
  notification: notificationRouter,
  presence: presenceRouter,
  savedReply: savedReplyRouter,
  macro: macroRouter,
  apiToken: apiTokenRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller (tests, server components). */
export const createCaller = createCallerFactory(appRouter);
