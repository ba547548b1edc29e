// Limits on one inbound email, checked before anything is written. Each is far above real mail
// and bounds the work (and the rows) a hostile message can cause.

/** Largest inbound webhook body accepted (attachments come by URL, so this is text and HTML). */
export const INBOUND_MAX_BYTES = 25 * 1024 * 1024;

/** In-Reply-To names the parent(s): one id in practice; the first ones are kept. */
export const MAX_IN_REPLY_TO = 10;

/** Characters of a subject; a longer one is refused. */
export const MAX_SUBJECT_LENGTH = 4000;

/** Header fields of one email (repeated names count each time). */
export const MAX_HEADER_FIELDS = 500;

/** Addresses in To and Cc together. */
export const MAX_RECIPIENTS = 500;

/** Attachments of one email, inline or by URL. */
export const MAX_ATTACHMENTS = 100;

/** Parts of a raw MIME message or a provider's multipart form, counted before either is parsed. */
export const MAX_MIME_PARTS = 250;

/** Nesting of multipart and attached messages inside a MIME message. */
export const MAX_MIME_DEPTH = 20;

/**
 * Characters of header names and values one email may carry, References and In-Reply-To counted as
 * the ids kept. MTAs cut a header block far sooner (Postfix at 100 KB, Exchange at 256 KB).
 */
export const MAX_HEADER_CHARS = 1024 * 1024;

/**
 * Characters of one string kept in the receive log's copy of the request; a longer one is cut, its
 * length noted. The email's text and HTML are kept whole: nothing else in real mail comes near it.
 */
export const MAX_LOGGED_STRING_CHARS = 64 * 1024;

/**
 * Characters of an email's text, and of its HTML, shown and searched. A longer body (a log pasted
 * whole) is cut there and also kept whole as an attachment, so nothing is lost and a message of
 * 20 MB costs what a message of 1 MB costs. Gmail clips at a tenth of this.
 */
export const MAX_BODY_CHARS = 1024 * 1024;
