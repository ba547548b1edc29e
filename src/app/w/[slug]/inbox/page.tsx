import { TicketList } from "./ticket-list";

export default async function InboxPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <div className="mx-auto max-w-6xl p-4 sm:p-6">
      <h1 className="mb-4 text-xl font-semibold">Inbox</h1>
      <TicketList workspaceSlug={slug} />
    </div>
  );
}
