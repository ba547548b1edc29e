// Runs postal-mime off the main thread (see mime-parser.ts): parsing a message of 20 MB takes a
// few hundred milliseconds of CPU, which on the main thread would stall every other request.
import { parentPort, workerData } from "node:worker_threads";
import PostalMime from "postal-mime";

// postal-mime decodes every charset with the TextDecoder it finds, whose legacy tables are wrong on
// Node 20 (windows-1252 above all, see charset.mjs); this thread runs nothing else. The decoder
// comes by URL (see mime-parser.ts): the build copies this file as it is, away from its neighbours.
const { CharsetTextDecoder } = await import(workerData.charsetModule);
globalThis.TextDecoder = CharsetTextDecoder;

parentPort.on("message", async ({ id, bytes, maxNestingDepth }) => {
  try {
    const email = await PostalMime.parse(bytes, { attachmentEncoding: "arraybuffer", maxNestingDepth });
    // The attachment bytes move to the main thread rather than being copied.
    const buffers = new Set(email.attachments.map((attachment) => attachment.content).filter((content) => content instanceof ArrayBuffer));
    parentPort.postMessage({ id, email }, [...buffers]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
