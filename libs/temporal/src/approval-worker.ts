import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { correlationActivityInterceptors } from './correlation.interceptors';

type WebpackConfig = Parameters<NonNullable<NonNullable<WorkerOptions['bundlerOptions']>['webpackConfigHook']>>[0];

// Same relative layout in the source tree and in dist/, so one path serves both.
const ROOT = join(__dirname, '..', '..', '..');

/** Where the workflow code lives, and how the bundler resolves the project's path aliases inside it. */
export const workflowSource = {
  workflowsPath: join(ROOT, 'workflows'),
  /** Passes each action's correlation id from the workflow on to its activities. */
  workflowInterceptorModules: [join(ROOT, 'workflows', 'correlation.interceptors')],
  webpackConfigHook: (config: WebpackConfig): WebpackConfig => {
    config.resolve = {
      ...config.resolve,
      alias: {
        ...(config.resolve?.alias as Record<string, string> | undefined),
        '@onewindow/domain': join(ROOT, 'libs', 'domain', 'src'),
        '@onewindow/contracts': join(ROOT, 'libs', 'contracts', 'src'),
      },
    };
    return config;
  },
};

export interface ApprovalWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: object;
  /** A prebuilt bundle (see bundleApprovalWorkflows) skips bundling at start. */
  workflowBundlePath?: string;
}

export function createApprovalWorker(options: ApprovalWorkerOptions): Promise<Worker> {
  const { connection, namespace, taskQueue, activities, workflowBundlePath } = options;
  const workflows = workflowBundlePath
    ? { workflowBundle: { codePath: workflowBundlePath } }
    : {
        workflowsPath: workflowSource.workflowsPath,
        bundlerOptions: { webpackConfigHook: workflowSource.webpackConfigHook },
      };
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    activities,
    // A prebuilt bundle already holds the workflow interceptors (see bundleApprovalWorkflows).
    interceptors: {
      activity: [correlationActivityInterceptors],
      ...(workflowBundlePath ? {} : { workflowModules: workflowSource.workflowInterceptorModules }),
    },
    ...workflows,
  });
}

/** Bundles the workflow code once, e.g. for a test run that starts many workers. */
export async function bundleApprovalWorkflows(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: workflowSource.workflowsPath,
    workflowInterceptorModules: workflowSource.workflowInterceptorModules,
    webpackConfigHook: workflowSource.webpackConfigHook,
    logger: quietBundlerLogger,
  });
  return code;
}

const quietBundlerLogger = new DefaultLogger('WARN');

/** Where `npm run build` writes the workflow bundle: dist/workflow-bundle.js. */
export const PREBUILT_BUNDLE_PATH = join(ROOT, 'workflow-bundle.js');

/** The bundle the build wrote, if any: a worker started from dist/ loads it instead of bundling anew. */
export async function prebuiltWorkflowBundle(): Promise<string | undefined> {
  try {
    await access(PREBUILT_BUNDLE_PATH);
    return PREBUILT_BUNDLE_PATH;
  } catch {
    return undefined;
  }
}
