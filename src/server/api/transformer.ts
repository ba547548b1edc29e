// Every procedure's input and output is plain JSON (dates travel as ISO strings), so tRPC needs no
// serializer in the browser; the `{ json }` envelope keeps the wire format API clients and tests use.
type Envelope = { json?: unknown } | null | undefined;

export const transformer = {
  serialize: (value: unknown) => ({ json: value }),
  deserialize: (wire: Envelope) => wire?.json,
};
