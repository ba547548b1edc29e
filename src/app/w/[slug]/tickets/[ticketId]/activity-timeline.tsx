import { RelativeTime } from "@/components/relative-time";
import { formatWakeTime } from "@/components/snooze-presets";
import { RATING_WORDS, type Rating } from "@/server/satisfaction/satisfaction.schema";
import type { ActivityEntry, Member } from "@/trpc/types";

type Data = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");
const list = (value: unknown) => (Array.isArray(value) ? value.map(text).filter(Boolean) : []);

/** One line for a timeline entry; unknown types fall back to their name. */
function describe(entry: ActivityEntry, members: Member[]): string {
  const data = (entry.data && typeof entry.data === "object" ? entry.data : {}) as Data;
  switch (entry.type) {
    case "created":
      return "created the ticket";
    case "status_changed":
      return `changed status from ${text(data.from)} to ${text(data.to)}${data.reason ? ` (${text(data.reason)})` : ""}`;
    case "replied":
      return data.emailed ? "replied by email" : "added a reply";
    case "note_added":
      return "added an internal note";
    case "assigned": {
      const to = members.find((m) => m.id === data.to);
      return data.to ? `assigned the ticket to ${to ? (to.name ?? to.email) : "a former member"}` : "unassigned the ticket";
    }
    case "priority_changed":
      return `set priority to ${text(data.to)}`;
    case "tagged": {
      const [added, removed] = [list(data.added), list(data.removed)];
      return (
        [added.length ? `added ${added.join(", ")}` : "", removed.length ? `removed ${removed.join(", ")}` : ""].filter(Boolean).join(" and ") ||
        "changed the tags"
      );
    }
    case "merged":
      return "merged this ticket into another";
    case "merged_in":
      return "merged another ticket into this one";
    case "split":
      return "split messages into a new ticket";
    case "archived":
    case "unarchived":
      return entry.type;
    case "snoozed":
      return `snoozed the ticket until ${formatWakeTime(text(data.until))}`;
    case "unsnoozed":
      return data.reason === "customer_replied"
        ? "woke the ticket up: the customer replied"
        : data.reason === "time"
          ? "woke the ticket up"
          : "unsnoozed the ticket";
    case "rated":
      return `rated the ticket “${RATING_WORDS[data.rating as Rating] ?? text(data.rating)}”${data.comment ? `: ${text(data.comment)}` : ""}`;
    case "automation_applied":
      return `automation “${text(data.ruleName) || text(data.name) || "rule"}” applied`;
    default:
      return entry.type.replaceAll("_", " ");
  }
}

export function ActivityTimeline({ activity, members }: { activity: ActivityEntry[]; members: Member[] }) {
  return (
    <ol aria-label="Activity" className="space-y-2 border-l border-slate-200 pl-3 text-xs">
      {activity.map((entry) => (
        <li key={entry.id} data-testid="activity" className="relative">
          <span aria-hidden="true" className="absolute top-1.5 -left-[15px] h-1.5 w-1.5 rounded-full bg-slate-400" />
          <span className="font-medium text-slate-800">
            {entry.actor ? (entry.actor.name ?? entry.actor.email) : entry.type === "rated" ? "The customer" : "Threadline"}
          </span>{" "}
          <span className="text-slate-700">{describe(entry, members)}</span> <RelativeTime iso={entry.createdAt} className="text-slate-500" />
        </li>
      ))}
    </ol>
  );
}
