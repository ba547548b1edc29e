/**
 * Responses that stay open until told (live event streams), ended as soon as a stop signal closes
 * the servers: they would otherwise hold the drain for its whole length. On globalThis: the route
 * that opens them is in another bundle than the instrumentation that stops.
 */
const openEnded = ((globalThis as unknown as { threadlineOpenEnded?: Set<() => void> }).threadlineOpenEnded ??= new Set());

/** Registers an open-ended response's end; returns its removal (call it when the response ends). */
export function endOnStop(end: () => void): () => void {
  openEnded.add(end);
  return () => void openEnded.delete(end);
}

/** Ends every open-ended response (the servers stopped accepting new requests). */
export function endOpenEndedResponses(): void {
  for (const end of openEnded) end();
}
