"use client";

const SAY = { idle: null, saving: "Saving draft…", saved: "Draft saved", failed: "Draft not saved: check your connection" } as const;

/** Whether the composer's draft is saved, and the control that drops it. */
export function DraftStatus(props: { state: keyof typeof SAY; hasDraft: boolean; onDiscard: () => void }) {
  const { state, hasDraft, onDiscard } = props;
  if (!hasDraft && state === "idle") return null;
  return (
    <span className="ml-auto flex items-center gap-2 text-xs text-slate-600">
      <span role="status" className={state === "failed" ? "text-red-800" : undefined}>
        {SAY[state]}
      </span>
      {hasDraft && (
        <button type="button" onClick={onDiscard} className="rounded px-1.5 py-0.5 font-medium text-slate-700 underline hover:bg-slate-100">
          Discard draft
        </button>
      )}
    </span>
  );
}
