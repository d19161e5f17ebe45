/**
 * The bytes a parsed answer came from, for the big answers a pull stores (directory pages and
 * batches): a snapshot keeps each record's bytes as Finch sent them instead of re-encoding the
 * parsed record. Held beside the parsed body (weakly: they go when the body goes).
 */
const answers = new WeakMap<object, Uint8Array>();

export function keepRawAnswer(body: unknown, bytes: Uint8Array): void {
  if (typeof body === 'object' && body !== null) answers.set(body, bytes);
}

/** The bytes `body` was parsed from, if it was kept. */
export function rawAnswerOf(body: unknown): Uint8Array | null {
  return typeof body === 'object' && body !== null ? (answers.get(body) ?? null) : null;
}

/** The bytes of a response the logging fetch read without parsing (a raw call's answer). */
const responses = new WeakMap<Response, Uint8Array>();

export function keepResponseBytes(response: Response, bytes: Uint8Array): void {
  responses.set(response, bytes);
}

export function responseBytesOf(response: Response): Uint8Array | null {
  return responses.get(response) ?? null;
}
