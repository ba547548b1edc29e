import { closeDatabase } from "@/server/db";
import { startJobPoller } from "@/server/jobs/worker";
import { closeOnStopSignals } from "@/server/shutdown";

// Jobs recorded by a process that crashed after its commit, and retries, are picked up here.
const stopJobPoller = process.env.NEXT_PHASE === "phase-production-build" ? () => {} : startJobPoller();

// `npm start` sets NEXT_MANUAL_SIG_HANDLE so Next leaves the signals to us: the embedded database
// must be closed cleanly (and its lock released) before the process exits.
closeOnStopSignals(stopJobPoller, closeDatabase);
