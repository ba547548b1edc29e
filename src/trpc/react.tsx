"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, loggerLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import type { AppRouter } from "@/server/api/root";
import { transformer } from "@/server/api/transformer";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** A request with no answer by then fails (and says so) instead of leaving "Sending…" up for ever. */
const REQUEST_TIMEOUT_MS = 30_000;

function makeQueryClient() {
  // Mutations run even when the browser believes it is offline: a paused mutation shows "Sending…"
  // with no end, while a failed one says the connection failed and offers to try again.
  return new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 }, mutations: { networkMode: "always" } } });
}

const fetchWithTimeout: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
};

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      // NODE_ENV, not src/env.ts (server only): Next inlines it, so production bundles leave the logger out.
      links: [
        ...(process.env.NODE_ENV === "development" ? [loggerLink({ enabled: (op) => op.direction === "down" && op.result instanceof Error })] : []),
        httpBatchLink({ url: "/api/trpc", transformer, fetch: fetchWithTimeout }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
