"use client";

import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";

/**
 * The frame's own CSP: nothing loads but inline (data:) images and, when the page knows its
 * origin, the workspace's attachment route (an email's `cid:` images, see inline-images.ts);
 * remote images only once the agent asks.
 */
function frameCsp(inlineImagesSource: string | null, showImages: boolean): string {
  const images = ["data:", inlineImagesSource, showImages && "https: http:"].filter(Boolean).join(" ");
  return `default-src 'none'; img-src ${images}; style-src 'unsafe-inline'`;
}

/**
 * The sanitized HTML with remote images switched on: `data-remote-src` (set by the server) becomes
 * `src`, except for an image on the helpdesk's own host (any scheme or port: cookies ignore both):
 * the frame is same-origin, so that request would carry the agent's session (a sender's way to
 * make the agent's browser call the app).
 */
function withRemoteImages(html: string, pageOrigin: string | null): string {
  const ownHost = pageOrigin && new URL(pageOrigin).hostname;
  // DOMParser makes an inert document: nothing in it loads or runs.
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const img of doc.querySelectorAll("img[data-remote-src]")) {
    const source = img.getAttribute("data-remote-src") ?? "";
    if (URL.canParse(source) && new URL(source).hostname === ownHost) continue;
    img.setAttribute("src", source);
    img.removeAttribute("data-remote-src");
  }
  return doc.body.innerHTML;
}

// The viewport never scrolls sideways and the body holds a wide layout with its own scrollbar, so
// the body's height is the frame's whole content height (the page sets the frame to it).
const FRAME_STYLE =
  "html{overflow-x:hidden}body{margin:0;padding:4px 2px;overflow-x:auto;font:14px/1.5 ui-sans-serif,system-ui,sans-serif;color:#0f172a;overflow-wrap:anywhere}img{max-width:100%;height:auto}";

function frameDocument(html: string, csp: string, showQuoted: boolean): string {
  const quoted = showQuoted ? "" : "[data-quoted-history]{display:none}";
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="referrer" content="no-referrer"><style>${FRAME_STYLE}${quoted}</style></head><body>${html}</body></html>`;
}

const noSubscription = () => () => undefined;

/** The page's origin once in the browser (null on the server, whose render has no `location`). */
function usePageOrigin(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => null,
  );
}

/**
 * Keeps the frame as tall as its document: measured when it loads, when an image in it loads, and
 * whenever its body changes size (a wider page, folded history). The page can read the frame's
 * document because the frame is same-origin; it runs no script of its own.
 */
function useContentHeight(frameRef: React.RefObject<HTMLIFrameElement | null>): number | null {
  const [height, setHeight] = useState<number | null>(null);
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    let observer: ResizeObserver | undefined;
    const fit = () => {
      const body = frame.contentDocument?.body;
      if (body) setHeight(Math.ceil(body.getBoundingClientRect().height));
    };
    const watch = () => {
      observer?.disconnect();
      const doc = frame.contentDocument;
      if (!doc?.body) return;
      observer = new ResizeObserver(fit);
      observer.observe(doc.body);
      // Load events do not bubble: caught on the way down, one listener sees every image.
      doc.addEventListener("load", fit, true);
      fit();
    };
    frame.addEventListener("load", watch);
    // The server-rendered frame may have loaded before this effect ran.
    if (frame.contentDocument?.URL === "about:srcdoc" && frame.contentDocument.readyState === "complete") watch();
    return () => {
      frame.removeEventListener("load", watch);
      observer?.disconnect();
    };
  }, [frameRef]);
  return height;
}

/**
 * An email's HTML (already sanitized by the server) in a sandboxed frame. No scripts: without
 * `allow-scripts` nothing in it runs (no script, handler or javascript: URL), even though it is
 * same-origin so the page can measure it; no forms, no navigating the page. Links open in a new,
 * unsandboxed tab without an opener (the sanitizer makes every link target=_blank
 * rel="noopener noreferrer"). Its CSP blocks every request but inline images and the workspace's
 * attachment route until the agent asks for remote images.
 */
export function EmailFrame(props: { html: string; title: string; showQuoted: boolean; inlineImagesPath: string | null }) {
  const { html, title, showQuoted, inlineImagesPath } = props;
  const [showImages, setShowImages] = useState(false);
  const origin = usePageOrigin();
  const frameRef = useRef<HTMLIFrameElement>(null);
  const height = useContentHeight(frameRef);
  const hasRemoteImages = html.includes("data-remote-src");
  // Only for an email that shows stored images: the server's render cannot name the origin, and a
  // frame whose document changes after hydration loads again.
  const inlineImagesSource = origin && inlineImagesPath && html.includes(`src="${inlineImagesPath}`) ? `${origin}${inlineImagesPath}` : null;
  const srcDoc = useMemo(
    () => frameDocument(showImages ? withRemoteImages(html, origin) : html, frameCsp(inlineImagesSource, showImages), showQuoted),
    [html, origin, inlineImagesSource, showImages, showQuoted],
  );

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
      <iframe
        ref={frameRef}
        title={title}
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        srcDoc={srcDoc}
        referrerPolicy="no-referrer"
        // Until measured (and without scripts in the page) a fixed height; the frame scrolls then.
        className={`block w-full rounded border border-slate-100 bg-white ${height === null ? "h-64" : ""}`}
        style={height === null ? undefined : { height: height + 2 }}
      />
    </div>
  );
}
