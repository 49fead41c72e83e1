import type { ExposureUpdate } from '../events/exposure-update.event';

/** `GET /v1/users/:userId/exposure`: the latest snapshot the positions service cached. */
export type ExposureResponse = ExposureUpdate;
