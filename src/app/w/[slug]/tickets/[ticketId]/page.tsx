import { TicketView } from "./ticket-view";

export default async function TicketPage({ params }: { params: Promise<{ slug: string; ticketId: string }> }) {
  const { slug, ticketId } = await params;
  return (
    <div className="mx-auto max-w-6xl p-3 sm:p-6">
      <TicketView workspaceSlug={slug} ticketId={ticketId} />
    </div>
  );
}
