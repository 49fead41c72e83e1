import { BadRequestException } from '@nestjs/common';
import { isBatchBody, validate, type FieldError } from '@hyperdex/contracts';
import type { z } from 'zod';

/**
 * Reads `POST` bodies that hold one item or `{ "<field>": [...] }`, refusing the whole request with every
 * offending field listed, so a client never has to guess which part of a batch was taken.
 */
export function readBatch<S extends z.ZodType>(
  body: unknown,
  field: 'trades' | 'transfers' | 'prices',
  item: S,
  batch: z.ZodType<Record<string, Array<z.infer<S>>>>,
  maxBatch: number,
  identity: (value: z.infer<S>) => string,
): Array<z.infer<S>> {
  const isBatch = isBatchBody(body, field);
  if (isBatch) {
    const size = (body as Record<string, unknown>)[field];
    if (Array.isArray(size) && size.length > maxBatch) {
      throw invalid([{ field, reason: `must hold at most ${maxBatch} items, got ${size.length}` }]);
    }
  }
  const result = isBatch ? validate(batch, body) : validate(item, body);
  if (!result.ok) throw invalid(result.errors);
  const items = isBatch ? (result.value as Record<string, Array<z.infer<S>>>)[field] ?? [] : [result.value as z.infer<S>];
  const seen = new Map<string, number>();
  const duplicates: FieldError[] = [];
  items.forEach((value, index) => {
    const id = identity(value);
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else duplicates.push({ field: `${field}[${index}]`, reason: `repeats ${field}[${first}] (same id ${id})` });
  });
  if (duplicates.length) throw invalid(duplicates);
  return items;
}

export const invalid = (details: FieldError[]): BadRequestException =>
  new BadRequestException({ message: 'Validation failed', details });
