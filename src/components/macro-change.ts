import type { RouterOutputs } from "@/trpc/types";

export type MacroChange = RouterOutputs["macro"]["preview"]["tickets"][number]["changes"][number];

/** A macro's change to a ticket as a sentence; `memberName` names an assignee id. */
export function describeMacroChange(change: MacroChange, memberName: (id: string) => string): string {
  switch (change.type) {
    case "set_status":
      return `Status: ${change.from} → ${change.to}`;
    case "set_priority":
      return `Priority: ${change.from} → ${change.to}`;
    case "assign":
      return change.to ? `Assign to ${memberName(change.to)}` : "Unassign";
    case "add_tag":
      return `Add tag ${change.to}`;
    case "remove_tag":
      return `Remove tag ${change.from}`;
    case "reply":
      return `Reply to ${change.to}: “${change.text}”`;
    case "add_note":
      return `Internal note: “${change.text}”`;
  }
}
