type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export interface CallOptions<P> {
  params?: P;
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Calls a route handler as Next.js would, and reads the JSON answer. */
export async function callRoute<P>(handler: Handler<P>, method: string, url: string, options: CallOptions<P> = {}) {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: string | FormData | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const response = await handler(new Request(`http://localhost${url}`, { method, headers, body }), {
    params: Promise.resolve((options.params ?? {}) as P),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}
