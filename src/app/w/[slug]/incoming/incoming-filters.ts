/** The log's filters; "" is the whole log. */
export const FILTERS = [
  { id: "", label: "All mail" },
  { id: "out_ticket", label: "Without a ticket" },
  { id: "reply_to_closed_ticket", label: "Held replies to closed tickets" },
] as const;
export type IncomingFilter = (typeof FILTERS)[number]["id"];
