import { currentUserId } from "@/server/auth/server-session";
import { Prefetched } from "@/trpc/server";
import { TicketView } from "./ticket-view";

export default async function TicketPage({ params }: { params: Promise<{ slug: string; ticketId: string }> }) {
  const { slug, ticketId } = await params;
  const workspace = { workspaceSlug: slug };
  // The layout already sent anyone signed out to sign-in.
  const viewerId = (await currentUserId()) ?? "";
  return (
    <div className="mx-auto max-w-6xl p-3 sm:p-6">
      <Prefetched
        prefetch={(trpc, queryClient) => [
          queryClient.prefetchQuery(trpc.ticket.get.queryOptions({ ...workspace, ticketId })),
          queryClient.prefetchQuery(trpc.ticket.draft.queryOptions({ ...workspace, ticketId })),
          queryClient.prefetchQuery(trpc.member.list.queryOptions(workspace)),
          queryClient.prefetchQuery(trpc.tag.list.queryOptions(workspace)),
          queryClient.prefetchQuery(trpc.workspace.get.queryOptions(workspace)),
        ]}
      >
        <TicketView workspaceSlug={slug} ticketId={ticketId} viewerId={viewerId} />
      </Prefetched>
    </div>
  );
}
