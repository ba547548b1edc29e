import { Prefetched } from "@/trpc/server";
import { CustomerView } from "./customer-view";

export default async function CustomerPage({ params }: { params: Promise<{ slug: string; customerId: string }> }) {
  const { slug, customerId } = await params;
  return (
    <div className="mx-auto max-w-4xl p-3 sm:p-6">
      <Prefetched prefetch={(trpc, queryClient) => [queryClient.prefetchQuery(trpc.customer.get.queryOptions({ workspaceSlug: slug, customerId }))]}>
        <CustomerView workspaceSlug={slug} customerId={customerId} />
      </Prefetched>
    </div>
  );
}
