// The editor's shared control styles and the message shown beside a field the schema refused.
import { issueSentence } from "@/components/error-sentence";

export const FIELD =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm disabled:bg-slate-50 disabled:text-slate-700 aria-[invalid=true]:border-red-500";
export const BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50";
export const PRIMARY = "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50";
export const ICON_BUTTON = "rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 disabled:opacity-30";

/** Pass `id` to the field's `aria-describedby` so the message is read with it. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 w-full text-xs text-red-700">
      {issueSentence(message)}
    </p>
  );
}
