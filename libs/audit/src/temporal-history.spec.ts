import { defaultPayloadConverter } from '@temporalio/common';
import { HistoryEvent, parseCase, RunHistory } from './temporal-history';

const payloads = (value: unknown) => ({ payloads: [defaultPayloadConverter.toPayload(value)] });
const at = (second: number) => ({ seconds: 1_700_000_000 + second, nanos: 0 });
const iso = (second: number) => new Date((1_700_000_000 + second) * 1000).toISOString();

/** A history from [second, attributes-key, attributes] triples, numbered from 1. */
function history(...events: [number, string, object?][]): RunHistory[] {
  return [
    {
      runId: 'run-1',
      history: {
        events: events.map(([second, key, attributes = {}], i) => ({
          eventId: i + 1,
          eventTime: at(second),
          [`${key}EventAttributes`]: attributes,
        })) as unknown as HistoryEvent[],
      },
    },
  ];
}

const started = [0, 'workflowExecutionStarted', { input: payloads({ title: 'Hall A' }) }] as [number, string, object];
const signal = (second: number): [number, string, object] => [
  second,
  'workflowExecutionSignaled',
  { signalName: 'externalEvent', input: payloads({ type: 'payment-confirmed' }) },
];

describe(parseCase.name, () => {
  it('stamps a Signal with the start of the workflow task that completed, not of one that timed out', () => {
    const sut = parseCase(
      'request-1',
      history(
        started,
        [0, 'workflowTaskScheduled'],
        [1, 'workflowTaskStarted'],
        [1, 'workflowTaskCompleted'],
        signal(5),
        [5, 'workflowTaskScheduled'],
        [6, 'workflowTaskStarted'],
        [16, 'workflowTaskTimedOut'],
        [16, 'workflowTaskScheduled'],
        [17, 'workflowTaskStarted'],
        [17, 'workflowTaskCompleted'],
      ),
    );

    expect(sut.inputs).toEqual([
      expect.objectContaining({ kind: 'signal', eventId: 5, workflowTime: iso(17), task: 2 }),
    ]);
  });

  it('stamps a fired timer with the task that completed after a failed one', () => {
    const sut = parseCase(
      'request-1',
      history(
        started,
        [0, 'workflowTaskScheduled'],
        [1, 'workflowTaskStarted'],
        [1, 'workflowTaskCompleted'],
        [1, 'timerStarted'],
        [60, 'timerFired'],
        [60, 'workflowTaskScheduled'],
        [61, 'workflowTaskStarted'],
        [62, 'workflowTaskFailed'],
        [70, 'workflowTaskScheduled'],
        [71, 'workflowTaskStarted'],
        [71, 'workflowTaskCompleted'],
      ),
    );

    expect(sut.inputs).toEqual([expect.objectContaining({ kind: 'timer', eventId: 6, workflowTime: iso(71) })]);
  });

  it('leaves a Signal that arrived while a task ran to the next task', () => {
    const sut = parseCase(
      'request-1',
      history(
        started,
        [0, 'workflowTaskScheduled'],
        [1, 'workflowTaskStarted'],
        signal(2),
        [3, 'workflowTaskCompleted'],
        [3, 'workflowTaskScheduled'],
        [4, 'workflowTaskStarted'],
        [4, 'workflowTaskCompleted'],
      ),
    );

    expect(sut.inputs).toEqual([
      expect.objectContaining({ kind: 'signal', eventId: 4, workflowTime: iso(4), task: 2 }),
    ]);
  });

  it('orders an Update accepted by a task after the Signals that task handled, with the same clock', () => {
    const sut = parseCase(
      'request-1',
      history(
        started,
        [0, 'workflowTaskScheduled'],
        [1, 'workflowTaskStarted'],
        [1, 'workflowTaskCompleted'],
        signal(5),
        [5, 'workflowTaskScheduled'],
        [6, 'workflowTaskStarted'],
        [7, 'workflowTaskCompleted'],
        [
          7,
          'workflowExecutionUpdateAccepted',
          {
            acceptedRequest: {
              meta: { updateId: 'key-1' },
              input: { name: 'act', args: payloads({ event: { type: 'decide' }, source: 'api' }) },
            },
          },
        ],
      ),
    );

    expect(sut.inputs.map((i) => [i.kind, i.workflowTime, i.task])).toEqual([
      ['signal', iso(6), 2],
      ['update', iso(6), 2],
    ]);
  });
});
