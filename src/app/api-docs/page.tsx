import type { Metadata } from "next";
import Link from "next/link";
import { openApiDocument, operations } from "@/server/openapi/document";

export const metadata: Metadata = { title: "API reference · Threadline" };

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-emerald-100 text-emerald-800",
  put: "bg-amber-100 text-amber-800",
  patch: "bg-violet-100 text-violet-800",
  delete: "bg-rose-100 text-rose-800",
};

type Described = { parameters: { name: string; in: string; required: boolean }[]; requestBody?: { content: Record<string, { schema: unknown }> } };

// The human-readable REST reference, rendered from the same document as /api/v1/openapi.json.
export default function ApiDocsPage() {
  const document = openApiDocument();
  const tags = [...new Set(operations.map((o) => o.tag))];
  return (
    <main className="mx-auto max-w-5xl p-6">
      <h1 className="text-2xl font-semibold">Threadline REST API</h1>
      <p className="mt-2 text-slate-600">
        Send <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;token&gt;</code> (create one with{" "}
        <code className="rounded bg-slate-100 px-1">npm run admin -- token create</code>). Errors answer{" "}
        <code className="rounded bg-slate-100 px-1">{"{error: {code, message, details}}"}</code>. Machine-readable:{" "}
        <Link className="text-brand-600 underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </Link>
        .
      </p>
      {tags.map((tag) => (
        <section key={tag} className="mt-8">
          <h2 className="mb-3 text-lg font-semibold">{tag}</h2>
          {operations
            .filter((o) => o.tag === tag)
            .map((operation) => {
              const described = document.paths[operation.path]![operation.method] as Described;
              const body = described.requestBody && Object.values(described.requestBody.content)[0]?.schema;
              return (
                <details key={`${operation.method} ${operation.path}`} className="mb-2 rounded-lg border border-slate-200 bg-white">
                  <summary className="flex cursor-pointer items-center gap-3 px-4 py-2">
                    <span className={`w-16 rounded px-2 py-0.5 text-center text-xs font-bold uppercase ${METHOD_STYLE[operation.method]}`}>
                      {operation.method}
                    </span>
                    <code className="text-sm">{operation.path}</code>
                    <span className="ml-auto text-sm text-slate-600">{operation.summary}</span>
                  </summary>
                  <div className="space-y-3 border-t border-slate-100 px-4 py-3 text-sm">
                    {operation.description && <p>{operation.description}</p>}
                    {described.parameters.length > 0 && (
                      <p>
                        Parameters:{" "}
                        {described.parameters.map((p) => (
                          <code key={`${p.in}${p.name}`} className="mr-2 rounded bg-slate-100 px-1">
                            {p.name} ({p.in}
                            {p.required ? ", required" : ""})
                          </code>
                        ))}
                      </p>
                    )}
                    {body !== undefined && <pre className="overflow-x-auto rounded bg-slate-50 p-3 text-xs">{JSON.stringify(body, null, 2)}</pre>}
                    <ul>
                      {Object.entries(operation.responses).map(([status, meaning]) => (
                        <li key={status}>
                          <strong>{status}</strong> {meaning}
                        </li>
                      ))}
                    </ul>
                  </div>
                </details>
              );
            })}
        </section>
      ))}
    </main>
  );
}
