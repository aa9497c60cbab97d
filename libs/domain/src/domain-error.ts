/** Stable codes: the API maps each to an HTTP status with an exhaustive switch. */
export const DomainErrorCode = {
  /** The event names a step that is not active in this case. */
  STEP_NOT_ACTIVE: 'STEP_NOT_ACTIVE',
  /** The outcome is not one the step's definition allows. */
  ILLEGAL_OUTCOME: 'ILLEGAL_OUTCOME',
  /** The case has reached a final status and takes no further events of this kind. */
  CASE_CLOSED: 'CASE_CLOSED',
  /** The actor may not do this, or the definition does not allow it here. */
  NOT_ALLOWED: 'NOT_ALLOWED',
  /** The event is malformed (missing fields, bad time, unknown ids). */
  INVALID_EVENT: 'INVALID_EVENT',
  /** A timer event for a timer that is not pending (already fired, or cancelled). */
  UNKNOWN_TIMER: 'UNKNOWN_TIMER',
  /** A timer event that arrives before the timer's due time. */
  TIMER_NOT_DUE: 'TIMER_NOT_DUE',
  /** An event whose time is earlier than the case's last transition. */
  OUT_OF_ORDER: 'OUT_OF_ORDER',
  /** The event conflicts with the current state (e.g. a request for information is already open). */
  CONFLICT: 'CONFLICT',
  /** A process definition or calendar failed validation, or the context does not match the case. */
  INVALID_DEFINITION: 'INVALID_DEFINITION',
} as const;

export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/**
 * Why the reducer refuses an event, as a plain value: no Error and no stack trace are built, so asking about
 * many actions (the status page's list of what a caller may do) stays cheap. `apply` throws it as a DomainError.
 */
export class Refusal {
  constructor(
    readonly code: DomainErrorCode,
    readonly message: string,
    readonly details?: unknown,
  ) {}

  toError(): DomainError {
    return new DomainError(this.code, this.message, this.details);
  }
}
