"use client";

import { useRouter } from "next/navigation";
import type { AnchorHTMLAttributes } from "react";
import { confirmLeave } from "./unsaved-changes";

/**
 * A link inside the app: a plain <a> whose plain left click navigates client-side through the
 * router (a new tab, a download or a modified click stays the browser's). next/link would add
 * ≈ 3 KB gzip to every workspace page for its prefetching, which gets nothing here: every page
 * renders per request and there is no loading.tsx to prefetch down to.
 */
export function AppLink({ href, onClick, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const router = useRouter();
  return (
    <a
      href={href}
      {...props}
      onClick={(event) => {
        onClick?.(event);
        if (
          event.defaultPrevented ||
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey ||
          props.target ||
          props.download !== undefined
        )
          return;
        event.preventDefault();
        if (confirmLeave()) router.push(href);
      }}
    />
  );
}
