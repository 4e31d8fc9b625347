// Response shapes of PROTOCOL.md and the one error type the build path throws.

export const ErrorType = Object.freeze({
  validation: 'VALIDATION_ERROR',
  build: 'BUILD_ERROR',
  protocol: 'PROTOCOL_ERROR',
  // Not the source's fault as far as the server can tell (a bug here, a bundler failing without a message): the
  // server keeps serving and the pool may retry the build.
  internal: 'INTERNAL_ERROR',
});

/** A finished, expected failure of one request (bad input or a source the bundler rejects). */
export class BuildFailure extends Error {
  constructor(errorType, message, details = []) {
    super(message);
    this.errorType = errorType;
    this.details = details;
  }
}

/** A VALIDATION_ERROR; `detail` (optional) points at the offending place in App.jsx. */
export function validationFailure(message, detail) {
  return new BuildFailure(ErrorType.validation, message, detail ? [detail] : []);
}

/** Formats "App.jsx:3:10: text" like esbuild does, so a message alone is enough to find the problem. */
export function describeDetail(detail) {
  if (!detail.file) return detail.text;
  return `${detail.file}:${detail.line ?? 0}:${detail.column ?? 0}: ${detail.text}`;
}

export function failureResponse(id, failure) {
  return { id, ok: false, errorType: failure.errorType, message: failure.message, details: failure.details };
}

export function protocolError(id, message) {
  return { id: id ?? null, ok: false, errorType: ErrorType.protocol, message };
}
