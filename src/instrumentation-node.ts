import { appConfig, type AppConfig } from "@/env";
import { closeDatabase } from "@/server/db";
import { startJobPoller } from "@/server/jobs/worker";
import { closeOnStopSignals } from "@/server/shutdown";

// A bad setting stops the server here, with its name: thrown, Next would only log "Failed to prepare
// server" and answer every request with a 500. (`npm start` checks them before it starts Next.)
let config: AppConfig;
try {
  config = appConfig();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// Jobs recorded by a process that crashed after its commit, and retries, are picked up here.
const stopJobPoller = config.NEXT_PHASE === "phase-production-build" ? async () => {} : startJobPoller();

// `npm start` sets NEXT_MANUAL_SIG_HANDLE so Next leaves the signals to us: the embedded database
// must be closed cleanly (and its lock released) before the process exits.
closeOnStopSignals(stopJobPoller, closeDatabase);
