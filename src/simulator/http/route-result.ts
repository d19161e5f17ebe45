/** What a route answers: a status, a JSON body and headers. Kept apart so policies can answer without the router. */
export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
