import { redirect } from "next/navigation";
import { currentUserId } from "@/server/auth/server-session";
import { db } from "@/server/db";
import { listUserWorkspaces } from "@/server/users/users.service";

export const dynamic = "force-dynamic";

// The front door: to sign-in, or to the first workspace's inbox.
export default async function HomePage() {
  const userId = await currentUserId();
  if (!userId) redirect("/signin");
  const [first] = await listUserWorkspaces(db(), userId);
  if (!first) {
    return (
      <main className="mx-auto max-w-md p-10 text-center">
        <h1 className="text-xl font-semibold">No workspace yet</h1>
        <p className="mt-2 text-slate-600">Ask a workspace owner to invite you.</p>
      </main>
    );
  }
  redirect(`/w/${first.slug}/inbox`);
}
