import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { grpcCauseOf, outageOf } from './dependency-outage';

/** A gRPC status as @grpc/grpc-js raises it. */
const grpc = (code: number, details: string) => Object.assign(new Error(details), { code, details, metadata: {} });

describe(outageOf.name, () => {
  it('says an Update aborted or refused while its workflow task is in a failed state is worth retrying', () => {
    for (const details of ['workflow update was aborted', 'Workflow Task in failed state.']) {
      const error = new ServiceError('Update failed', { cause: grpc(9, details) });
      expect(outageOf(error)).toEqual({ reason: 'workflow-task-failed', dependency: 'Temporal' });
    }
  });

  it('keeps any other failed precondition a failure, not an outage', () => {
    expect(outageOf(grpc(9, 'workflow execution already completed'))).toBeUndefined();
  });

  it('calls a spent deadline a deadline, not a dependency down', () => {
    expect(outageOf(grpc(4, 'Deadline exceeded'))).toEqual({ reason: 'deadline' });
    expect(outageOf(new WorkflowUpdateRPCTimeoutOrCancelledError('timed out'))).toEqual({ reason: 'deadline' });
  });

  it('names the dependency that cannot be reached', () => {
    expect(outageOf(grpc(14, 'No connection established'))).toEqual({ reason: 'unavailable', dependency: 'Temporal' });
    expect(outageOf({ driverError: { code: 'ECONNREFUSED' } })).toEqual({
      reason: 'unavailable',
      dependency: 'PostgreSQL',
    });
    expect(outageOf({ code: '57P01' })).toEqual({ reason: 'unavailable', dependency: 'PostgreSQL' });
  });

  it('finds the gRPC status under the SDK error for the log', () => {
    const error = new ServiceError('Update failed', { cause: grpc(9, 'Workflow Task in failed state.') });
    expect(grpcCauseOf(error)).toEqual({ code: 9, details: 'Workflow Task in failed state.' });
  });
});
