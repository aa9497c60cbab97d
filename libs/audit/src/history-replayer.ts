import { workflowSource } from '@onewindow/temporal';
import { DefaultLogger, ReplayWorkerOptions, Runtime, Worker } from '@temporalio/worker';
import type { History } from './temporal-history';

export interface ReplayOutcome {
  workflowId: string;
  runId: string;
  deterministic: boolean;
  /** The replay error as Temporal reports it, naming the command or event where the code diverged. */
  divergence?: string;
  errorType?: string;
}

export interface HistoryToReplay {
  workflowId: string;
  runId?: string;
  history: History;
}

export interface ReplayerOptions {
  /** A prebuilt workflow bundle; otherwise the current workflow code is bundled once per call. */
  workflowBundlePath?: string;
  /** Another workflow source tree (e.g. a variant under test); defaults to the project's workflows. */
  workflowsPath?: string;
}

let quietRuntime = false;

/**
 * Replays recorded histories against the workflow code as it is now: a change that alters the commands
 * a recorded history expects is reported with Temporal's exact account of the divergence.
 */
export async function replayHistories(
  histories: Iterable<HistoryToReplay> | AsyncIterable<HistoryToReplay>,
  options: ReplayerOptions = {},
): Promise<ReplayOutcome[]> {
  if (!quietRuntime) {
    // The replay worker logs every determinism error at WARN; the outcome carries it instead.
    try {
      Runtime.install({
        logger: new DefaultLogger('ERROR'),
        telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } },
      });
    } catch {
      // A runtime already exists (e.g. a worker in the same process); keep its logger.
    }
    quietRuntime = true;
  }
  const workerOptions: ReplayWorkerOptions = options.workflowBundlePath
    ? { workflowBundle: { codePath: options.workflowBundlePath } }
    : {
        workflowsPath: options.workflowsPath ?? workflowSource.workflowsPath,
        bundlerOptions: { webpackConfigHook: workflowSource.webpackConfigHook },
        interceptors: { workflowModules: workflowSource.workflowInterceptorModules },
      };
  const runIds: string[] = [];
  async function* feed() {
    for await (const h of histories) {
      runIds.push(h.runId ?? '');
      yield { workflowId: h.workflowId, history: h.history };
    }
  }
  const outcomes: ReplayOutcome[] = [];
  for await (const result of Worker.runReplayHistories(workerOptions, feed())) {
    const runId = runIds[outcomes.length] || result.runId;
    outcomes.push({
      workflowId: result.workflowId,
      runId,
      deterministic: !result.error,
      ...(result.error ? { divergence: result.error.message, errorType: result.error.name } : {}),
    });
  }
  return outcomes;
}
