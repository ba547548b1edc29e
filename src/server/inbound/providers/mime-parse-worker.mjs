// Runs postal-mime off the main thread (see mime-parser.ts): parsing a message of 20 MB takes a
// few hundred milliseconds of CPU, which on the main thread would stall every other request.
import { parentPort } from "node:worker_threads";
import PostalMime from "postal-mime";
import { CharsetTextDecoder } from "../../email/charset.mjs";

// postal-mime decodes every charset with the TextDecoder it finds, whose legacy tables are wrong on
// Node 20 (windows-1252 above all, see charset.mjs); this thread runs nothing else. A static
// import: the build bundles this worker, and a module named at run time would not be in the bundle.
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
