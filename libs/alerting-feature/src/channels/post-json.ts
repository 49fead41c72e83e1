import type { SendResult } from './alert-channel';

/** POSTs a JSON body; a 2xx answer within the timeout is a success, anything else a failure with its reason. */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<SendResult> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(timeoutMs) });
    // Drain the body so the connection is reused; its content does not matter.
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? { ok: true, statusCode: res.status } : { ok: false, statusCode: res.status, error: `answered ${res.status}` };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const reason = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { ok: false, statusCode: null, error: reason };
  }
}
