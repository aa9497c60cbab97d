/** Default task queue of the approval worker; deployments may override it in config. */
export const DEFAULT_TASK_QUEUE = 'onewindow-approvals';
