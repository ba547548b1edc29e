import { InboxView } from "./inbox-view";
import { filtersQuery, parseFilters } from "./inbox-filters";

export default async function InboxPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const filters = parseFilters(await searchParams);
  return (
    <div className="mx-auto max-w-6xl p-3 sm:p-6">
      <h1 className="mb-2 text-xl font-semibold">Inbox</h1>
      {/* A navigation to other filters (a link, the back button) starts from them; the view's own URL updates do not reach here. */}
      <InboxView key={filtersQuery(filters)} workspaceSlug={slug} initialFilters={filters} />
    </div>
  );
}
