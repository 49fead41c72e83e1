/** Thrown when the ingestion API refuses a request: the status and what it said. */
export class IngestionRequestError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    body: string,
  ) {
    super(`POST ${path} answered ${status}: ${body.slice(0, 500)}`);
    this.name = 'IngestionRequestError';
  }
}

/** The public ingestion API, as any producer calls it: JSON over HTTP with the x-api-key header. */
export class IngestionClient {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  /** Sends items as one batch, `{ "<prices|trades|transfers>": [...] }`, which the API takes all or nothing. */
  async post(path: '/v1/prices' | '/v1/trades' | '/v1/transfers', items: readonly unknown[]): Promise<void> {
    if (items.length === 0) return;
    const field = path.slice('/v1/'.length);
    const response = await fetch(new URL(path, this.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': this.apiKey },
      body: JSON.stringify({ [field]: items }),
    });
    if (!response.ok) throw new IngestionRequestError(path, response.status, await response.text());
  }
}
