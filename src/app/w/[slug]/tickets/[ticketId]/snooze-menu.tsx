"use client";

import { useState } from "react";
import { formatWakeTime, snoozePresets } from "@/components/snooze-presets";

const BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50";
const ITEM = "block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100";

/** A `datetime-local` value (the browser's zone) as an instant, or null while it is incomplete. */
const localInstant = (value: string) => (value ? new Date(value) : null);

/**
 * Snoozes the ticket until a preset (computed in the browser's time zone when the menu opens) or a
 * date and time of the agent's choice; a snoozed ticket shows until when, and can be woken now.
 */
export function SnoozeMenu({ snoozedUntil, onSnooze }: { snoozedUntil: string | null; onSnooze: (until: string | null) => void }) {
  const [open, setOpen] = useState(false);
  const [custom, setCustom] = useState("");
  const [presets, setPresets] = useState(() => snoozePresets(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone));
  const customUntil = localInstant(custom);
  const customInPast = customUntil !== null && customUntil.getTime() <= Date.now();

  const pick = (until: Date) => {
    setOpen(false);
    setCustom("");
    onSnooze(until.toISOString());
  };
  const toggle = () => {
    if (!open) setPresets(snoozePresets(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone));
    setOpen(!open);
  };

  if (snoozedUntil) {
    return (
      <span className="flex items-center gap-2">
        <span data-testid="snoozed-badge" className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-800" suppressHydrationWarning>
          Snoozed until {formatWakeTime(snoozedUntil)}
        </span>
        <button type="button" className={BUTTON} onClick={() => onSnooze(null)}>
          Unsnooze
        </button>
      </span>
    );
  }
  return (
    <div className="relative">
      <button type="button" className={BUTTON} aria-expanded={open} aria-haspopup="true" onClick={toggle}>
        Snooze…
      </button>
      {open && (
        <div role="group" aria-label="Snooze until" className="absolute right-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          {presets.map((preset) => (
            <button key={preset.id} type="button" className={ITEM} onClick={() => pick(preset.until)}>
              <span className="font-medium">{preset.label}</span>{" "}
              <span className="text-slate-500" suppressHydrationWarning>
                {formatWakeTime(preset.until.toISOString())}
              </span>
            </button>
          ))}
          <form
            className="mt-2 space-y-2 border-t border-slate-200 pt-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (customUntil && !customInPast) pick(customUntil);
            }}
          >
            <label className="block text-sm font-medium text-slate-700">
              Pick a date and time
              <input
                type="datetime-local"
                value={custom}
                onChange={(event) => setCustom(event.target.value)}
                className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
              />
            </label>
            {customInPast && <p className="text-xs text-red-700">Pick a time in the future.</p>}
            <button type="submit" className={BUTTON} disabled={!customUntil || customInPast}>
              Snooze
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
