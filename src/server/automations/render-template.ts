export interface TemplateContext {
  contact: { name: string | null; email: string };
  ticket: { number: number; subject: string };
  workspace: { name: string };
}

/** The placeholders' values for a ticket and its contact (none: an empty name and address). */
export function ticketTemplateContext(
  ticket: { ticketNumber: number; subject: string; contact: { name: string | null; email: string } | null },
  workspace: { name: string },
): TemplateContext {
  return {
    contact: { name: ticket.contact?.name ?? null, email: ticket.contact?.email ?? "" },
    ticket: { number: ticket.ticketNumber, subject: ticket.subject },
    workspace: { name: workspace.name },
  };
}

// `{{ name }}` with optional inner spaces, as Mustache allows; anything else is not a placeholder.
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*\}\}/g;

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** The placeholders a template may use; a Map, so `{{constructor}}` cannot reach Object.prototype. */
function placeholderValues(context: TemplateContext): Map<string, string> {
  return new Map([
    ["contact.name", context.contact.name ?? ""],
    ["contact.email", context.contact.email],
    ["ticket.number", String(context.ticket.number)],
    ["ticket.subject", context.ticket.subject],
    ["workspace.name", context.workspace.name],
  ]);
}

/**
 * Fills in the known placeholders; unknown ones stay exactly as written. In `html` mode the values
 * (the sender's name, the subject they chose) are HTML-escaped, while the owner's own markup is kept.
 */
export function renderTemplate(template: string, context: TemplateContext, mode: "text" | "html" = "text"): string {
  const values = placeholderValues(context);
  return template.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = values.get(name);
    if (value === undefined) return placeholder;
    return mode === "html" ? escapeHtml(value) : value;
  });
}
