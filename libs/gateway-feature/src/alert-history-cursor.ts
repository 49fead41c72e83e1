import type { AlertHistoryCursor } from '@hyperdex/persistence';

/** The history cursor on the wire: opaque to clients (base64url of the last item's opening time and id). */
export function encodeCursor(cursor: AlertHistoryCursor): string {
  return Buffer.from(JSON.stringify([cursor.openedAt, cursor.alertId])).toString('base64url');
}

/** Null when the text is not a cursor this API produced. */
export function decodeCursor(text: string): AlertHistoryCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && typeof value[1] === 'string') {
      return { openedAt: value[0] as number, alertId: value[1] };
    }
  } catch {
    // fall through: not JSON
  }
  return null;
}
