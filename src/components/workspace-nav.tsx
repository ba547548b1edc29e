"use client";

import { AppLink } from "@/components/app-link";
import { usePathname } from "next/navigation";

export function WorkspaceNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  const links = [
    { href: `/w/${slug}/inbox`, label: "Inbox", active: pathname.startsWith(`/w/${slug}/inbox`) || pathname.startsWith(`/w/${slug}/tickets`) },
    { href: `/w/${slug}/incoming`, label: "Incoming", active: pathname.startsWith(`/w/${slug}/incoming`) },
    { href: `/w/${slug}/automations`, label: "Automations", active: pathname.startsWith(`/w/${slug}/automations`) },
    { href: `/w/${slug}/outbox`, label: "Outbox", active: pathname.startsWith(`/w/${slug}/outbox`) },
    { href: `/w/${slug}/settings`, label: "Settings", active: pathname.startsWith(`/w/${slug}/settings`) },
  ];
  // Five sections are wider than a phone: the row scrolls sideways by itself, the page does not.
  return (
    <nav aria-label="Main" className="flex gap-1 overflow-x-auto text-sm">
      {links.map((link) => (
        <AppLink
          key={link.href}
          href={link.href}
          aria-current={link.active ? "page" : undefined}
          className={`shrink-0 whitespace-nowrap rounded-md px-2 py-1.5 font-medium sm:px-3 ${link.active ? "bg-slate-100 text-slate-900" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {link.label}
        </AppLink>
      ))}
    </nav>
  );
}
