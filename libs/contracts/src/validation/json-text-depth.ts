/**
 * Nesting depth a message on a topic may have. JSON.parse takes any depth, but a record nested thousands deep then
 * overflows the stack of whatever walks it recursively (zod builds its error message with JSON.stringify of the
 * input) and the consumer crashes instead of dead-lettering it. Every event nests well under this (a receipt: ~6).
 */
export const MAX_MESSAGE_JSON_DEPTH = 64;

/** Whether JSON text nests deeper than `limit` objects/arrays (brackets inside strings do not count), in one pass. */
export function jsonTextNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}
