import { closeDatabase } from "@/server/db";

// `npm start` sets NEXT_MANUAL_SIG_HANDLE so Next leaves the signals to us: the embedded database
// must be closed cleanly (and its lock released) before the process exits.
function shutDown() {
  void closeDatabase()
    .catch((error: unknown) => console.error("Closing the database failed", error))
    .finally(() => process.exit(0));
}

process.once("SIGTERM", shutDown);
process.once("SIGINT", shutDown);
