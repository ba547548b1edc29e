import { Prefetched } from "@/trpc/server";
import { ContactView } from "./contact-view";

export default async function ContactPage({ params }: { params: Promise<{ slug: string; contactId: string }> }) {
  const { slug, contactId } = await params;
  return (
    <div className="mx-auto max-w-4xl p-3 sm:p-6">
      <Prefetched prefetch={(trpc, queryClient) => [queryClient.prefetchQuery(trpc.contact.get.queryOptions({ workspaceSlug: slug, contactId }))]}>
        <ContactView workspaceSlug={slug} contactId={contactId} />
      </Prefetched>
    </div>
  );
}
