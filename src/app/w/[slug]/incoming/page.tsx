import { FILTERS } from "./incoming-filters";
import { IncomingView } from "./incoming-view";

export default async function IncomingPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ filter?: string | string[] }>;
}) {
  const { slug } = await params;
  const { filter } = await searchParams;
  return (
    <div className="mx-auto max-w-6xl p-3 sm:p-6">
      <h1 className="text-xl font-semibold">Incoming mail</h1>
      <p className="mb-2 text-sm text-slate-600">Every email received, and what became of it. Mail that no ticket took in waits here for a decision.</p>
      <IncomingView workspaceSlug={slug} initialFilter={FILTERS.find((f) => f.id === filter)?.id ?? ""} />
    </div>
  );
}
