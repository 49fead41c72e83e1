/** A JSON-RPC answer as the node sent it: a result, or an error with its code. */
export interface RpcAnswer {
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

/**
 * One way to reach a node (HTTP or WebSocket). `send` resolves with the node's answer, errors included; it rejects
 * only when no answer came (unreachable, timed out, not JSON-RPC), with a message saying why.
 */
export interface RpcTransport {
  send(method: string, params: readonly unknown[]): Promise<RpcAnswer>;
  /** Calls `onHead` with each new head's number the node pushes, where it can (WebSocket `newHeads`). */
  watchHeads?(onHead: (number: number) => void, onError: (error: unknown) => void): Promise<void>;
  close(): Promise<void>;
}
