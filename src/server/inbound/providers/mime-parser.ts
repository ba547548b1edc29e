import { Worker } from "node:worker_threads";
import type { Email } from "postal-mime";

type Answer = { id: number; email: Email; error?: undefined } | { id: number; error: string };

/** Why a message could not be parsed: postal-mime's own words, for the caller to map. */
export class MimeParseError extends Error {}

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (email: Email) => void; reject: (error: Error) => void }>();

/** The worker failed or stopped: its tasks fail, and the next parse starts a new one. */
function retire(stopped: Worker, error: Error) {
  // An `exit` that follows an `error` finds a newer worker in place, whose tasks are not its own.
  if (worker !== stopped) return;
  worker = null;
  for (const { reject } of waiting.values()) reject(error);
  waiting.clear();
}

/** One worker for the process, started on first use; it never keeps the process alive on its own. */
function parserWorker(): Worker {
  if (worker) return worker;
  // The build copies the worker file and the module named by URL beside the server bundle as they
  // are, so the worker gets the charset decoder's URL rather than a relative path of the source tree.
  const charsetModule = new URL("../../email/charset.mjs", import.meta.url).href;
  const started = new Worker(new URL("./mime-parse-worker.mjs", import.meta.url), { workerData: { charsetModule } });
  started.unref();
  started.on("message", (answer: Answer) => {
    const task = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.error === undefined) task?.resolve(answer.email);
    else task?.reject(new MimeParseError(answer.error));
  });
  started.on("error", (error) => retire(started, error));
  started.on("exit", (code) => retire(started, new Error(`The MIME parser worker stopped (exit code ${code})`)));
  worker = started;
  return started;
}

/**
 * A MIME message parsed by postal-mime in a worker thread, attachments as ArrayBuffers. The bytes
 * are copied for the worker, so the caller's buffer stays usable.
 */
export function parseMimeInWorker(bytes: Uint8Array, options: { maxNestingDepth: number }): Promise<Email> {
  const id = nextId++;
  // A copy in its own ArrayBuffer (Buffer's slice() would share memory, perhaps Node's pool).
  const copy = new Uint8Array(bytes);
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    parserWorker().postMessage({ id, bytes: copy, maxNestingDepth: options.maxNestingDepth }, [copy.buffer]);
  });
}
