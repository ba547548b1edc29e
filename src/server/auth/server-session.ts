import { getServerSession } from "next-auth";
import { authOptions } from "./next-auth";

/** The signed-in user's id in a server component, or null. */
export async function currentUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}
