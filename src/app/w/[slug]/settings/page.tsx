import { SettingsView } from "./settings-view";

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <div className="mx-auto max-w-6xl p-3 sm:p-6">
      <h1 className="mb-4 text-xl font-semibold">Settings</h1>
      <SettingsView workspaceSlug={slug} />
    </div>
  );
}
