/**
 * The Temporal header that carries an action's correlation id from the API's client calls into the
 * workflow, and from the workflow into the activities it schedules.
 */
export const CORRELATION_HEADER = 'correlation-id';
