import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProcessDefinition } from '@onewindow/definition-types';
import { ProcessDiagram } from './process-diagram';

const owner = (department: string) => ({ department, role: 'clerk' as const });
const definition = {
  key: 'demo',
  version: 1,
  title: 'Demo permit',
  requestType: 'permit',
  jurisdiction: 'us-ca',
  start: 'intake',
  steps: [
    { id: 'intake', title: 'Intake', kind: 'task', owner: owner('building'), next: { complete: 'review' } },
    {
      id: 'review',
      title: 'Joint review',
      kind: 'parallel',
      mode: 'all',
      owner: owner('building'),
      members: [
        { id: 'fire-review', title: 'Fire review', owner: owner('fire') },
        { id: 'env-review', title: 'Environment review', owner: owner('environment') },
      ],
      memberOutcomes: ['approved', 'refused'],
      passOutcome: 'approved',
      next: { approved: 'issuance' },
    },
    {
      id: 'issuance',
      title: 'Issuance',
      kind: 'task',
      owner: owner('building'),
      next: { issued: { status: 'approved' } },
    },
  ],
} as unknown as ProcessDefinition;

describe(ProcessDiagram.name, () => {
  it('draws every step, the joint review members side by side, and marks where the case stands', () => {
    const { container } = render(
      <ProcessDiagram
        definition={definition}
        activeStepIds={new Set(['fire-review'])}
        doneStepIds={new Set(['intake'])}
      />,
    );
    const state = (id: string) => container.querySelector(`[data-step="${id}"]`)?.getAttribute('data-state');
    expect(state('intake')).toBe('done');
    expect(state('review')).toBe('active');
    expect(state('fire-review')).toBe('active');
    expect(state('env-review')).toBe('pending');
    expect(state('issuance')).toBe('pending');
    const [fire, env] = ['fire-review', 'env-review'].map((id) =>
      Number(container.querySelector(`[data-step="${id}"] rect`)?.getAttribute('y')),
    );
    expect(fire).toBe(env);
  });

  it('names its current position for screen readers', () => {
    render(<ProcessDiagram definition={definition} activeStepIds={new Set(['issuance'])} />);
    expect(screen.getByRole('img', { name: /Process of Demo permit.*Current position: Issuance/ })).toBeTruthy();
  });
});
