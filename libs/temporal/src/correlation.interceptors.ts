import { CORRELATION_HEADER } from '@onewindow/contracts';
import { currentCorrelationId, withCorrelationId } from '@onewindow/logging';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter, Headers } from '@temporalio/common';
import type { ActivityInterceptors } from '@temporalio/worker';

/** The headers with the current correlation id added, when there is one. */
function withCorrelationHeader(headers: Headers): Headers {
  const id = currentCorrelationId();
  return id ? { ...headers, [CORRELATION_HEADER]: defaultPayloadConverter.toPayload(id) } : headers;
}

/** The correlation id a caller put in `headers`, if any. */
export function correlationIdFrom(headers: Headers): string | undefined {
  const payload = headers[CORRELATION_HEADER];
  if (!payload) return undefined;
  const id: unknown = defaultPayloadConverter.fromPayload(payload);
  return typeof id === 'string' ? id : undefined;
}

/**
 * Client side (the API): every call that starts a workflow or hands it an event carries the correlation
 * id of the HTTP request that made it.
 */
export const correlationClientInterceptor: WorkflowClientInterceptor = {
  startWithDetails: (input, next) => next({ ...input, headers: withCorrelationHeader(input.headers) }),
  startUpdate: (input, next) => next({ ...input, headers: withCorrelationHeader(input.headers) }),
  startUpdateWithStart: (input, next) =>
    next({
      ...input,
      workflowStartHeaders: withCorrelationHeader(input.workflowStartHeaders),
      updateHeaders: withCorrelationHeader(input.updateHeaders),
    }),
  signal: (input, next) => next({ ...input, headers: withCorrelationHeader(input.headers) }),
  signalWithStart: (input, next) => next({ ...input, headers: withCorrelationHeader(input.headers) }),
};

/**
 * Worker side: an activity runs with the correlation id its workflow passed on, so every line it logs
 * (through the shared logger, or Temporal's activity logger) names the action that caused it.
 */
export function correlationActivityInterceptors(): ActivityInterceptors {
  let correlationId: string | undefined;
  return {
    inbound: {
      execute: (input, next) => {
        correlationId = correlationIdFrom(input.headers);
        return correlationId ? withCorrelationId(correlationId, () => next(input)) : next(input);
      },
    },
    outbound: {
      getLogAttributes: (input, next) => next(correlationId ? { ...input, correlationId } : input),
    },
  };
}
