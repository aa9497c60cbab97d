import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clip, FlowChart } from './flow-chart';

describe(FlowChart.name, () => {
  it('lists each row below the one before, a joint review’s members side by side, routes to the right', () => {
    const { container } = render(
      <FlowChart
        testId="chart"
        title="Demo"
        rows={[
          { node: { id: 'a', title: 'Intake', lines: ['Building'] }, routes: [{ text: 'complete → Review' }] },
          {
            node: { id: 'r', title: 'Review' },
            members: [
              { id: 'm1', title: 'Fire' },
              { id: 'm2', title: 'Grid' },
            ],
            routes: [{ text: 'approved → Approved', final: true }],
          },
        ]}
      />,
    );
    const y = (id: string) => Number(container.querySelector(`[data-step="${id}"] rect`)?.getAttribute('y'));
    const x = (id: string) => Number(container.querySelector(`[data-step="${id}"] rect`)?.getAttribute('x'));
    expect(y('m1')).toBeGreaterThan(y('a'));
    expect(y('m1')).toBe(y('m2'));
    expect(x('m2')).toBeGreaterThan(x('m1'));
    expect(screen.getByRole('img', { name: 'Demo' }).textContent).toContain('approved → Approved');
    // One element per step, so a step is found by its id alone.
    for (const id of ['a', 'r', 'm1', 'm2']) expect(container.querySelectorAll(`[data-step="${id}"]`)).toHaveLength(1);
  });

  it('cuts a label to its box, a Chinese character counting as wide as two Latin ones', () => {
    expect(clip('Intake', 100, 10)).toBe('Intake');
    expect(clip('a'.repeat(40), 100, 10)).toMatch(/…$/);
    expect(clip('受理审查部门意见汇总', 60, 10)).toMatch(/…$/);
    expect(clip('abcdefghij', 60, 10)).toBe('abcdefghij');
  });
});
