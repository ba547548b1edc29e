import { AppLink } from "@/components/app-link";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentUserId } from "@/server/auth/server-session";
import { db } from "@/server/db";
import { listUserWorkspaces } from "@/server/users/users.service";
import { SignOutButton } from "@/components/sign-out-button";
import { CommandsProvider } from "@/components/commands";
import { LiveEventsProvider } from "@/components/live-events";
import { NotificationBell } from "@/components/notification-bell";
import { OfflineNotice } from "@/components/offline-notice";
import { UnreadTitle } from "@/components/unread-title";
import { WorkspaceNav } from "@/components/workspace-nav";
import { WorkspaceSwitcher } from "@/components/workspace-switcher";
import { TRPCReactProvider } from "@/trpc/react";

export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const userId = await currentUserId();
  if (!userId) redirect(`/signin?callbackUrl=${encodeURIComponent(`/w/${slug}/inbox`)}`);
  const workspaces = await listUserWorkspaces(db(), userId);
  const current = workspaces.find((w) => w.slug === slug);
  if (!current) notFound();
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true, name: true } });

  // The data layer's client (TanStack Query, tRPC) loads with the workspace's pages only, not with sign-in.
  return (
    <TRPCReactProvider>
      <LiveEventsProvider workspaceId={current.id} workspaceSlug={slug}>
        <CommandsProvider workspaceSlug={slug}>
          <div className="flex min-h-screen flex-col">
            <header className="flex min-h-14 flex-wrap items-center gap-x-2 gap-y-1 border-b border-slate-200 bg-white px-2 py-2 sm:flex-nowrap sm:gap-4 sm:px-4 sm:py-0">
              <AppLink href={`/w/${slug}/inbox`} className="flex items-center gap-2 font-semibold">
                <img src="/icon.svg" alt="" className="h-6 w-6" />
                <span className="hidden sm:inline">Threadline</span>
              </AppLink>
              <WorkspaceSwitcher current={slug} workspaces={workspaces.map(({ slug, name }) => ({ slug, name }))} />
              <div className="order-last w-full min-w-0 sm:order-none sm:w-auto">
                <WorkspaceNav slug={slug} />
              </div>
              <div className="ml-auto flex items-center gap-2 text-sm sm:gap-3">
                <NotificationBell workspaceSlug={slug} />
                <UnreadTitle workspaceSlug={slug} />
                <span className="hidden text-slate-600 md:inline" data-testid="current-user">
                  {user?.name ?? user?.email} · {current.role}
                </span>
                <SignOutButton />
              </div>
            </header>
            <OfflineNotice />
            <main className="flex-1">{children}</main>
          </div>
        </CommandsProvider>
      </LiveEventsProvider>
    </TRPCReactProvider>
  );
}
