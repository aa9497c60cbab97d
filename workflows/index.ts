export { approvalWorkflow } from './approval.workflow';
export { projectWorkflow } from './project.workflow';
