import { AutomationsView } from "./automations-view";

export default async function AutomationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <div className="mx-auto max-w-6xl p-3 sm:p-6">
      <h1 className="text-xl font-semibold">Automations</h1>
      <p className="mb-4 text-sm text-slate-600">Rules run on each new ticket or conversation, top to bottom; a rule matches when all its conditions hold.</p>
      <AutomationsView workspaceSlug={slug} />
    </div>
  );
}
