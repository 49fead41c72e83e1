// Imported first by main.ts: tracing must patch `http` before Nest and Express load it.
import { startTelemetry } from '@hyperdex/telemetry';

startTelemetry('gateway');
