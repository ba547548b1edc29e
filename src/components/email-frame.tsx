"use client";

import { useMemo, useState } from "react";

const BLOCKED_IMAGES_CSP = "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'";
const REMOTE_IMAGES_CSP = "default-src 'none'; img-src data: cid: https: http:; style-src 'unsafe-inline'";

/** The sanitized HTML with remote images switched on: `data-remote-src` (set by the server) becomes `src`. */
function withRemoteImages(html: string): string {
  // DOMParser makes an inert document: nothing in it loads or runs.
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const img of doc.querySelectorAll("img[data-remote-src]")) {
    img.setAttribute("src", img.getAttribute("data-remote-src") ?? "");
    img.removeAttribute("data-remote-src");
  }
  return doc.body.innerHTML;
}

function frameDocument(html: string, showImages: boolean, showQuoted: boolean): string {
  const csp = showImages ? REMOTE_IMAGES_CSP : BLOCKED_IMAGES_CSP;
  const quoted = showQuoted ? "" : "[data-quoted-history]{display:none}";
  const style = `body{margin:0;padding:4px 2px;font:14px/1.5 ui-sans-serif,system-ui,sans-serif;color:#0f172a;overflow-wrap:anywhere}img{max-width:100%;height:auto}${quoted}`;
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="referrer" content="no-referrer"><style>${style}</style></head><body>${showImages ? withRemoteImages(html) : html}</body></html>`;
}

/**
 * An email's HTML (already sanitized by the server) in a fully sandboxed frame: no scripts, no
 * same-origin access, and a CSP that blocks every request but inline images until the agent asks.
 */
export function EmailFrame({ html, title, showQuoted }: { html: string; title: string; showQuoted: boolean }) {
  const [showImages, setShowImages] = useState(false);
  const hasRemoteImages = html.includes("data-remote-src");
  const srcDoc = useMemo(() => frameDocument(html, showImages, showQuoted), [html, showImages, showQuoted]);

  return (
    <div>
      {hasRemoteImages && !showImages && (
        <p className="mb-2 flex flex-wrap items-center gap-2 rounded-md bg-slate-100 px-3 py-1.5 text-xs text-slate-700">
          Remote images are blocked so the sender cannot tell when this was read.
          <button type="button" onClick={() => setShowImages(true)} className="font-medium text-brand-700 underline">
            Show images
          </button>
        </p>
      )}
      {/* The wrapper is resizable: a frame without scripts cannot report its content height. */}
      <div className="h-64 resize-y overflow-hidden rounded border border-slate-100 bg-white">
        <iframe title={title} sandbox="" srcDoc={srcDoc} referrerPolicy="no-referrer" className="h-full w-full" />
      </div>
    </div>
  );
}
