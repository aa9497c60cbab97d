export { approvalWorkflow } from './approval.workflow';
