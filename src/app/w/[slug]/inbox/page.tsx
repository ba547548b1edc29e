import type { Metadata } from "next";
import { Prefetched } from "@/trpc/server";
import { InboxView } from "./inbox-view";
import { countsInput, filtersQuery, listInput, parseFilters } from "./inbox-filters";

export const metadata: Metadata = { title: "Inbox · Threadline" };

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
      {/* The inputs the view asks for at first: a page opened from the URL has no cursor yet. */}
      <Prefetched
        prefetch={(trpc, queryClient) => [
          queryClient.prefetchQuery(trpc.ticket.list.queryOptions(listInput(slug, filters, undefined))),
          queryClient.prefetchQuery(trpc.ticket.counts.queryOptions(countsInput(slug, filters))),
          queryClient.prefetchQuery(trpc.member.list.queryOptions({ workspaceSlug: slug })),
          queryClient.prefetchQuery(trpc.tag.list.queryOptions({ workspaceSlug: slug })),
        ]}
      >
        {/* A navigation to other filters (a link, the back button) starts from them; the view's own URL updates do not reach here. */}
        <InboxView key={filtersQuery(filters)} workspaceSlug={slug} initialFilters={filters} />
      </Prefetched>
    </div>
  );
}
