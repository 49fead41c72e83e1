import { z } from 'zod';
import { AlertSeveritySchema } from '../../events/risk-alert.event';

/** The least severe alert a channel receives. */
export const minSeverity = AlertSeveritySchema.default('info');

const url = (protocols: readonly string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be an absolute ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL`);

export const httpUrl = url(['http:', 'https:']);
