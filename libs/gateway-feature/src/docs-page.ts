/** Escapes text for HTML element content and attribute values. */
const esc = (text: unknown): string => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Operation {
  summary?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  responses?: Record<string, { description?: string }>;
}

/**
 * The human view of the OpenAPI document at /docs: every route with its parameters and answers, and the socket
 * events, rendered on the server from the same document (no script, nothing fetched from elsewhere).
 */
export function renderDocsPage(doc: Record<string, unknown>): string {
  const info = doc['info'] as { title: string; version: string; description: string };
  const paths = doc['paths'] as Record<string, Record<string, Operation>>;
  const socket = doc['x-socket-io'] as { auth: string; rooms: string; events: Record<string, { description: string; payload: { $ref: string } }> };
  const rows = Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const params = (op.parameters ?? []).map((p) => `${esc(p.name)} <small>(${esc(p.in)}${p.required ? ', required' : ''})</small>`).join('<br>');
      const answers = Object.entries(op.responses ?? {}).map(([status, r]) => `<b>${esc(status)}</b> ${esc(r.description ?? '')}`).join('<br>');
      return `<tr><td><code>${esc(method.toUpperCase())} ${esc(path)}</code><br>${esc(op.summary ?? '')}</td><td>${params}</td><td>${answers}</td></tr>`;
    }),
  );
  const events = Object.entries(socket.events)
    .map(([name, e]) => `<tr><td><code>${esc(name)}</code></td><td>${esc(e.description)}</td><td><code>${esc(e.payload.$ref.split('/').pop())}</code></td></tr>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(info.title)} API</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:6px;vertical-align:top;text-align:left}code{font-size:13px}</style></head>
<body><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${esc(info.description)}</p>
<p>Machine-readable: <a href="/docs/openapi.json">/docs/openapi.json</a> (OpenAPI 3.1; schemas under <code>components.schemas</code>).</p>
<h2>HTTP</h2><table><tr><th>route</th><th>parameters</th><th>answers</th></tr>${rows.join('')}</table>
<h2>Socket.IO</h2><p>${esc(socket.auth)}</p><p>${esc(socket.rooms)}</p>
<table><tr><th>event</th><th>when</th><th>payload</th></tr>${events}</table></body></html>`;
}
