/** Largest inbound webhook body accepted (attachments come by URL, so this is text and HTML). */
export const INBOUND_MAX_BYTES = 25 * 1024 * 1024;
