/**
 * Nesting depth allowed in a JSON request body. JSON.parse takes any depth, but a body nested thousands deep then
 * overflows the stack of whatever walks it recursively (validation, logging, JSON.stringify) and the request ends in
 * a 500. Every body the APIs accept nests well under this (a chain receipt: about 6).
 */
export const MAX_JSON_DEPTH = 64;

/** Thrown from body-parser's `verify` hook; bodyParserErrorHandler answers it with a 400 naming the limit. */
export class JsonTooDeepError extends Error {
  readonly type = 'entity.too.deep';
  constructor(readonly limit: number) {
    super(`JSON nests deeper than the limit of ${limit} levels`);
    this.name = 'JsonTooDeepError';
  }
}

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether raw JSON text nests deeper than `limit` objects/arrays, by one pass over the bytes before it is parsed
 * (brackets inside strings do not count). Malformed text is left for the parser to refuse.
 */
export function jsonNestsDeeperThan(raw: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

/** A body-parser `verify` hook refusing bodies nested deeper than `limit`. */
export function refuseDeepJson(limit = MAX_JSON_DEPTH): (req: unknown, res: unknown, body: Buffer) => void {
  return (_req, _res, body) => {
    if (jsonNestsDeeperThan(body, limit)) throw new JsonTooDeepError(limit);
  };
}
