// Preloaded (`node --require`) into each service when the benchmark profiles it.
//
// `node --cpu-prof` writes its profile only when the process exits normally. Nest's shutdown hook closes the app on
// SIGTERM and then re-raises the signal with its own listener removed, so the process dies *by the signal* and no
// profile is written (passing `useProcessExit: true` to enableShutdownHooks would avoid this in the services). Staying
// subscribed turns that re-raised signal into an ordinary exit after the clean close, without changing the services.
'use strict';

let received = 0;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    received++;
    // First delivery: the service's own handlers shut it down. If it has none, nothing else will: exit now.
    if (received > 1 || process.listenerCount(signal) === 1) process.exit(0);
  });
}
