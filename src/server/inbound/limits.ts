/** Largest inbound webhook body accepted (attachments come by URL, so this is text and HTML). */
export const INBOUND_MAX_BYTES = 25 * 1024 * 1024;

/** References ids kept on a message, the last ones (the root is the first to go), as mail clients do. */
export const MAX_REFERENCES = 100;
