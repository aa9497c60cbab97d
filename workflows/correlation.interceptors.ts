import { CORRELATION_HEADER } from '@onewindow/contracts';
import type { Payload, WorkflowInterceptors } from '@temporalio/workflow';

/**
 * Passes the correlation id of the latest start, update or signal on to the activities the workflow
 * schedules next, so the activity's log lines name the action that caused them. Headers do not change
 * the commands a workflow issues, so replay is unaffected.
 */
export const interceptors = (): WorkflowInterceptors => {
  let latest: Payload | undefined;
  const remember = (headers: Record<string, Payload>) => {
    latest = headers[CORRELATION_HEADER] ?? latest;
  };
  return {
    inbound: [
      {
        execute: (input, next) => {
          remember(input.headers);
          return next(input);
        },
        handleUpdate: (input, next) => {
          remember(input.headers);
          return next(input);
        },
        handleSignal: (input, next) => {
          remember(input.headers);
          return next(input);
        },
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) =>
          next(latest ? { ...input, headers: { ...input.headers, [CORRELATION_HEADER]: latest } } : input),
        scheduleLocalActivity: (input, next) =>
          next(latest ? { ...input, headers: { ...input.headers, [CORRELATION_HEADER]: latest } } : input),
      },
    ],
  };
};
