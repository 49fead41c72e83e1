// Imported first by main.ts: the tracer and its context manager must exist before Nest builds the app.
import { startTelemetry } from '@hyperdex/telemetry';

startTelemetry('risk');
