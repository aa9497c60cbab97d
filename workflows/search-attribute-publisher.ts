import { searchAttributes as attributeKeys } from '@onewindow/contracts';
import { activeDepartments, CaseState, earliestStepDueAt } from '@onewindow/domain';
import { upsertSearchAttributes } from '@temporalio/workflow';

/** Upserts the case's search attributes only when one of them changed. */
export class SearchAttributePublisher {
  private last = '';

  publish(state: CaseState): void {
    const values = {
      requestType: state.requestType,
      status: state.status,
      jurisdiction: state.jurisdiction,
      currentSteps: state.activeSteps.map((s) => s.stepId),
      departments: activeDepartments(state),
      nextDueAt: earliestStepDueAt(state) ?? null,
    };
    const fingerprint = JSON.stringify(values);
    if (fingerprint === this.last) return;
    this.last = fingerprint;
    upsertSearchAttributes([
      { key: attributeKeys.requestType, value: values.requestType },
      { key: attributeKeys.status, value: values.status },
      { key: attributeKeys.jurisdiction, value: values.jurisdiction },
      { key: attributeKeys.currentSteps, value: values.currentSteps },
      { key: attributeKeys.departments, value: values.departments },
      { key: attributeKeys.nextDueAt, value: values.nextDueAt ? new Date(values.nextDueAt) : null },
    ]);
  }
}
