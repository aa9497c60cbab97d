import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DefinitionGraph } from '../api';
import { FlowDiagram } from './flow-diagram';

const graph: DefinitionGraph = {
  key: 'mini',
  version: 2,
  title: 'Mini permit',
  outcomes: ['approved', 'refused'],
  caseClock: null,
  steps: [
    {
      id: 'intake',
      title: 'Intake',
      kind: 'task',
      owner: { department: 'building', role: 'clerk' },
      duration: { value: 30, unit: 'calendarDays' },
      durationRules: 0,
      onTimeout: { action: 'deemed', outcome: 'complete', effect: 'complete' },
      clockExcluded: false,
      conditional: false,
      start: true,
      groupId: null,
    },
    {
      id: 'review',
      title: 'Joint review',
      kind: 'parallel',
      owner: { department: 'building', role: 'supervisor' },
      duration: null,
      durationRules: 0,
      onTimeout: null,
      clockExcluded: false,
      conditional: false,
      start: false,
      groupId: null,
      mode: 'all',
      members: ['fire', 'grid'],
    },
    ...['fire', 'grid'].map((id) => ({
      id,
      title: `${id} check`,
      kind: 'task' as const,
      owner: { department: id === 'fire' ? 'fire' : 'county-roads', role: 'clerk' },
      duration: null,
      durationRules: 0,
      onTimeout: null,
      clockExcluded: false,
      conditional: id === 'grid',
      start: false,
      groupId: 'review',
    })),
  ],
  edges: [
    { from: 'intake', to: 'review', label: 'complete', fork: false },
    { from: 'review', to: 'status:approved', label: 'granted', fork: false },
    { from: 'review', to: 'status:refused', label: 'refused', fork: false },
  ],
};

describe(FlowDiagram.name, () => {
  it('draws the joint review with its members inside, the timer in words and each route to its outcome', () => {
    const { container } = render(
      // Names come from the published definitions where they name things; here none are in, so the app's words.
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <FlowDiagram graph={graph} />
      </QueryClientProvider>,
    );

    expect(screen.getByRole('img', { name: 'Mini permit, version 2' })).toBeTruthy();
    const review = container.querySelector('[data-step="review"][data-kind="parallel"]');
    expect(review?.querySelector('[data-step="fire"]')).not.toBeNull();
    expect(review?.textContent).toContain('joint review, all decide');
    expect(container.textContent).toContain('Time limit: 30 calendar days → deemed Complete');
    expect(container.textContent).toContain('Complete → Joint review');
    // A published outcome and department no translation knows show as written.
    expect(container.textContent).toContain('granted → Approved');
    expect(review?.textContent).toContain('county-roads');
    expect(container.textContent).not.toContain('⟦');
  });
});
