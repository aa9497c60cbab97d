import { cnCalendar } from '../calendar/calendars';
import { scheduleProject } from './project-schedule';

describe(scheduleProject.name, () => {
  const bundle = [
    { id: 'land-use', workingDays: 20 },
    { id: 'permit', dependsOn: ['land-use'], workingDays: 60 },
    { id: 'grid', workingDays: 40 },
  ];

  it('finds the critical path and compares it with the whole-project limit', () => {
    const sut = scheduleProject(cnCalendar, '2026-03-02', 120, bundle);

    expect(sut.criticalPath).toEqual(['land-use', 'permit']);
    expect(sut.workingDaysUsed).toBe(80);
    expect(sut.slackWorkingDays).toBe(40);
    expect(sut.withinLimit).toBe(true);
    expect(sut.requests.find((r) => r.id === 'permit')?.start).toBe(sut.requests.find((r) => r.id === 'land-use')?.due);
  });

  it('uses known due dates of running requests and flags a projected breach', () => {
    const sut = scheduleProject(cnCalendar, '2026-03-02', 60, [
      { id: 'land-use', dueDate: '2026-05-29' },
      { id: 'permit', dependsOn: ['land-use'], workingDays: 30 },
    ]);

    expect(sut.withinLimit).toBe(false);
    expect(sut.slackWorkingDays).toBeLessThan(0);
    // 60 working days: Qingming and Labour Day skipped, the make-up Saturday 9 May counted.
    expect(sut.limitDate).toBe('2026-05-28');
  });

  it('refuses cycles and unknown dependencies', () => {
    expect(() =>
      scheduleProject(cnCalendar, '2026-03-02', 10, [
        { id: 'a', dependsOn: ['b'], workingDays: 1 },
        { id: 'b', dependsOn: ['a'], workingDays: 1 },
      ]),
    ).toThrow(/cycle/);
    expect(() =>
      scheduleProject(cnCalendar, '2026-03-02', 10, [{ id: 'a', dependsOn: ['x'], workingDays: 1 }]),
    ).toThrow(/unknown request 'x'/);
  });
});
