import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ClockView } from '@/lib/api/client';
import { StatutoryClock } from './statutory-clock';

const running: ClockView = {
  paused: false,
  pausedBy: [],
  dueAt: '2026-03-02T07:59:59.999Z',
  dueDate: '2026-03-01',
  allowed: 30,
  used: 12,
  remaining: 18,
  unit: 'workingDays',
  overdue: false,
  provisional: false,
  startedAt: '2026-01-15T10:00:00.000Z',
};

describe(StatutoryClock.name, () => {
  it('shows used and left in the clock’s unit and the last permitted day', () => {
    render(<StatutoryClock clock={running} timeZone="America/Los_Angeles" />);
    expect(screen.getByTestId('clock-used').textContent).toBe('12 working days');
    expect(screen.getByTestId('clock-left').textContent).toBe('18 working days');
    expect(screen.getByText('Running')).toBeTruthy();
    expect(screen.getByTestId('clock-due').textContent).toBe('by end of Sun 1 Mar 2026 (Pacific Standard Time)');
    expect(screen.queryByTestId('clock-paused-by')).toBeNull();
  });

  it('marks a due date counted past the published calendar as provisional, and only then', () => {
    const { unmount } = render(<StatutoryClock clock={{ ...running, provisional: true }} timeZone="Asia/Shanghai" />);
    expect(screen.getByText('Provisional due date')).toBeTruthy();
    unmount();
    render(<StatutoryClock clock={running} timeZone="Asia/Shanghai" />);
    expect(screen.queryByText('Provisional due date')).toBeNull();
  });

  it('says why a stopped clock is stopped', () => {
    render(
      <StatutoryClock
        clock={{ ...running, paused: true, pausedBy: ['rfi:rfi-1', 'excluded:own-design'] }}
        timeZone="UTC"
      />,
    );
    expect(screen.getByText('Stopped')).toBeTruthy();
    expect(screen.getByTestId('clock-paused-by').textContent).toBe(
      'waiting for your answer to a request for information; time outside the clock (own-design)',
    );
    expect(screen.getByText('Due if resumed now')).toBeTruthy();
  });

  it('marks an overdue clock and never shows negative time left', () => {
    render(<StatutoryClock clock={{ ...running, used: 33, remaining: -3, overdue: true }} timeZone="UTC" />);
    expect(screen.getByText('Overdue')).toBeTruthy();
    expect(screen.getByTestId('clock-left').textContent).toBe('0 working days');
  });

  it('reads a due moment in the jurisdiction’s time zone', () => {
    const clock = {
      ...running,
      dueDate: undefined,
      unit: 'milliseconds' as const,
      allowed: 3_600_000,
      used: 600_000,
      remaining: 3_000_000,
    };
    render(<StatutoryClock clock={clock} timeZone="Asia/Shanghai" />);
    expect(screen.getByTestId('clock-due').textContent).toBe('by Mon 2 Mar 2026 15:59 GMT+8');
    expect(screen.getByTestId('clock-due').getAttribute('title')).toBe('Mon 2 Mar 2026 07:59 UTC');
    expect(screen.getByTestId('clock-left').textContent).toBe('50 minutes');
  });
});
