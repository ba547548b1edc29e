// The settings page's control styles, shared by its sections.
export const BUTTON = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50";
export const PRIMARY = "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50";
export const DANGER = "rounded-md bg-red-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-700 disabled:opacity-50";
/** A field sized by its content (a select in a row); FIELD fills its column. */
export const INLINE_FIELD = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm disabled:bg-slate-50 disabled:text-slate-500";
export const FIELD = `w-full ${INLINE_FIELD}`;
export const LABEL = "block text-sm font-medium text-slate-700";
