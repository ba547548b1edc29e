import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { appRouter, type AppRouter } from "@/server/api/root";
import { resolveCaller } from "@/server/auth/caller";
import { db } from "@/server/db";

/** Starts the queries: `queryClient.prefetchQuery(trpc.<procedure>.queryOptions(input))`, each. */
type Prefetch = (trpc: TRPCOptionsProxy<AppRouter>, queryClient: QueryClient) => Promise<void>[];

/**
 * Renders `children` (client components) with the queries `prefetch` names already answered: the
 * procedures run here, in this request, as the signed-in caller, and their results travel in the
 * HTML, so the page shows its data at first paint and the client's useQuery finds it fresh under
 * the same query keys instead of fetching. A query that fails is left for the client to retry
 * and report as it would without this.
 */
export async function Prefetched({ prefetch, children }: { prefetch: Prefetch; children: ReactNode }) {
  const queryClient = new QueryClient();
  const database = db();
  const requestHeaders = await headers();
  const trpc = createTRPCOptionsProxy<AppRouter>({
    router: appRouter,
    ctx: async () => ({ db: database, caller: await resolveCaller(database, requestHeaders).catch(() => null) }),
    queryClient,
  });
  await Promise.all(prefetch(trpc, queryClient));
  return <HydrationBoundary state={dehydrate(queryClient)}>{children}</HydrationBoundary>;
}
