import type { ReactNode } from "react";
import { errorSentence, type FieldLabels } from "./error-sentence";

/**
 * A failed read or write as a sentence (never the transport's text), announced to screen readers;
 * `lead` says what did not happen ("Not sent."), `action` offers the way out (a retry).
 */
export function ErrorAlert({
  error,
  labels,
  lead,
  action,
  className = "",
}: {
  error: unknown;
  labels?: FieldLabels;
  lead?: string;
  action?: ReactNode;
  className?: string;
}) {
  if (!error) return null;
  return (
    <div role="alert" className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ${className}`}>
      <p>
        {lead && <span className="font-medium">{lead} </span>}
        {errorSentence(error, labels)}
      </p>
      {action}
    </div>
  );
}
