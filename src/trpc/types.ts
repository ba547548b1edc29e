import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

/** A ticket as lists show it; `unread` only where the list says it (the inbox). */
export type TicketSummary = Omit<RouterOutputs["ticket"]["list"]["tickets"][number], "unread"> & { unread?: boolean };
export type TicketDetail = RouterOutputs["ticket"]["get"];
export type ThreadMessage = TicketDetail["messages"][number];
export type ActivityEntry = TicketDetail["activity"][number];
export type Member = RouterOutputs["member"]["list"][number];
export type TagOption = RouterOutputs["tag"]["list"][number];
export type IncomingMail = RouterOutputs["incomingMail"]["list"]["mails"][number];
export type Priority = TicketSummary["priority"];
export type AutomationRule = RouterOutputs["automation"]["list"][number];
export type ContactListOption = RouterOutputs["contactList"]["list"][number];

// The API sends JSON as it is (src/server/api/transformer.ts): a Date, Map, Set, bigint or RegExp
// in a procedure's input or output would arrive as something else, so tsc names the procedure here.
type NotJson = Date | Map<unknown, unknown> | Set<unknown> | bigint | RegExp;
type Depth = [never, 0, 1, 2, 3, 4, 5, 6, 7];
type HoldsNotJson<T, N extends number = 7> = [N] extends [never]
  ? never
  : T extends NotJson
    ? true
    : T extends readonly (infer E)[]
      ? HoldsNotJson<E, Depth[N]>
      : T extends object
        ? { [K in keyof T]-?: HoldsNotJson<T[K], Depth[N]> }[keyof T]
        : never;
type NotJsonProcedures<R> = {
  [K in keyof R]: { [P in keyof R[K]]: [HoldsNotJson<R[K][P]>] extends [never] ? never : `${K & string}.${P & string}` }[keyof R[K]];
}[keyof R];
type MustBeNever<T extends never> = T;
export type PlainJsonInputs = MustBeNever<NotJsonProcedures<RouterInputs>>;
export type PlainJsonOutputs = MustBeNever<NotJsonProcedures<RouterOutputs>>;
