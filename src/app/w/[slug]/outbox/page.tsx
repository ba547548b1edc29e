import { OutboxView } from "./outbox-view";

export default async function OutboxPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <div className="mx-auto max-w-6xl p-3 sm:p-6">
      <h1 className="text-xl font-semibold">Outbox</h1>
      <p className="mb-2 text-sm text-slate-600">Every email this workspace sent or recorded: replies, confirmations, automated responses, notifications.</p>
      <OutboxView workspaceSlug={slug} />
    </div>
  );
}
