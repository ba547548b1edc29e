"use client";

import { renderTemplate, type TemplateContext } from "@/server/automations/render-template";

const PLACEHOLDERS = ["contact.name", "contact.email", "ticket.number", "ticket.subject", "workspace.name"];

/** The placeholders a response may use, and the body as a sample sender would receive it. */
export function ResponsePreview({ body, workspaceName }: { body: string; workspaceName: string }) {
  // The server's own renderer, so the preview fills in exactly what a sent response would.
  const sample: TemplateContext = {
    contact: { name: "Ada Lovelace", email: "ada@example.com" },
    ticket: { number: 1042, subject: "Urgent: checkout fails" },
    workspace: { name: workspaceName },
  };
  return (
    <div className="mt-2 space-y-2 text-xs text-slate-600">
      <p>
        Placeholders:{" "}
        {PLACEHOLDERS.map((name) => (
          <code key={name} className="mr-1 rounded bg-slate-100 px-1 py-0.5 text-slate-800">{`{{${name}}}`}</code>
        ))}
        — unknown ones are sent as written.
      </p>
      <figure>
        <figcaption className="font-medium text-slate-700">
          Preview for {sample.contact.name}, ticket #{sample.ticket.number}
        </figcaption>
        <div data-testid="response-preview" className="mt-1 rounded-md border border-slate-200 bg-slate-50 p-2 text-sm whitespace-pre-wrap text-slate-800">
          {body.trim() ? renderTemplate(body, sample) : <span className="text-slate-500">The response is empty.</span>}
        </div>
      </figure>
    </div>
  );
}
