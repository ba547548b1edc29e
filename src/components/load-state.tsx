import { errorSentence } from "./error-sentence";

/** The loading and error placeholders every data view uses. */
export function Loading({ label }: { label: string }) {
  return (
    <p role="status" aria-live="polite" className="rounded-lg border border-slate-200 bg-white p-6 text-slate-500">
      {label}
    </p>
  );
}

export function LoadError({ what, error, onRetry }: { what: string; error: unknown; onRetry?: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6 text-red-800">
      <p className="font-medium">Could not load {what}.</p>
      <p className="mt-1 text-sm">{errorSentence(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry} className="mt-2 rounded-md border border-red-300 bg-white px-3 py-1 text-sm font-medium hover:bg-red-100">
          Try again
        </button>
      )}
    </div>
  );
}
