/**
 * Results cross stage boundaries instead of exceptions (STYLE.md habit 2):
 * one bad feed, item or line is reported and the batch goes on.
 */
export type Result<T, E = StageError> = { ok: true; value: T } | { ok: false; error: E };

/** An error that names the module it came from and keeps what caused it. */
export interface StageError {
  /** Module prefix, e.g. "fetch", "parser", "ssrf". */
  module: string;
  /** Stable machine code, e.g. "http_404", "not_a_feed", "private_address". */
  code: string;
  /** One line a user can act on. */
  message: string;
  cause?: unknown;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = (module: string, code: string, message: string, cause?: unknown): Result<never, StageError> => ({
  ok: false,
  error: { module, code, message, ...(cause === undefined ? {} : { cause }) },
});

/** Longest error line printed or stored (a source's last error, a CLI's reason). */
export const MAX_ERROR_CHARS = 200;

/**
 * "module: message" as miniflux prints it, on one line and at most
 * MAX_ERROR_CHARS long: a message can quote its input (a feed's root element
 * name, a JSON parser's excerpt), and input from the wild can be a megabyte
 * or span lines.
 */
export function formatError(e: StageError): string {
  const line = `${e.module}: ${e.message}`.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return line.length <= MAX_ERROR_CHARS ? line : `${line.slice(0, MAX_ERROR_CHARS - 1)}…`;
}
