import {
  builtInCalendar,
  dayOf,
  dueFrom,
  showInstant,
  workingDaysBetween,
  type Duration,
  type WorkingCalendar,
} from '@onewindow/domain';
import { ApiDriver } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

interface Step {
  stepId: string;
  dueAt: string | null;
  dueLocal: string | null;
  dueProvisional: boolean;
}
interface Detail {
  status: string;
  submittedAt: string;
  timeZone: string;
  provisional: boolean;
  currentSteps: Step[];
  timeline: Array<{ event: string; stepId: string | null; at: string; reason: string | null }>;
}

const grid = { department: 'grid-utility', role: 'clerk' } as const;

const cn = builtInCalendar('cn') as WorkingCalendar;
const coverageEnd = cn.coverage!.to;
const nextYear = Number(coverageEnd.slice(0, 4)) + 1;
/** Long enough to end past the published cn calendar whatever day the test runs (30 working days in December 2026). */
const reviewDays = Math.max(30, workingDaysBetween(cn, dayOf(new Date().toISOString(), cn), coverageEnd) + 10);

/** A cn decision that ends past the published calendar. */
const longDecision = {
  key: 'grid-capacity-review',
  version: 1,
  title: { en: 'Grid capacity review', 'zh-CN': '电网容量审查' },
  requestType: 'infrastructure',
  jurisdiction: 'cn',
  start: 'review',
  steps: [
    {
      id: 'review',
      title: { en: 'Capacity review', 'zh-CN': '容量审查' },
      kind: 'task',
      owner: grid,
      duration: { value: reviewDays, unit: 'workingDays' },
      next: { approved: { status: 'approved' }, refused: { status: 'refused' } },
    },
  ],
};

/** A decision that may be deemed approved a few seconds after the applicant's notice. */
const noticeDecision = {
  key: 'grid-connection-notice',
  version: 1,
  title: { en: 'Grid connection with deemed approval after notice', 'zh-CN': '并网申请（告知后逾期视为同意）' },
  requestType: 'infrastructure',
  jurisdiction: 'cn',
  start: 'decision',
  steps: [
    {
      id: 'decision',
      title: { en: 'Connection decision', 'zh-CN': '并网决定' },
      kind: 'task',
      owner: grid,
      duration: { value: 1, unit: 'seconds' },
      onTimeout: {
        action: 'deemed',
        outcome: 'approved',
        effect: 'approved',
        requiresNotice: true,
        noticePeriod: { value: 4, unit: 'seconds' },
      },
      next: { approved: { status: 'approved' }, refused: { status: 'refused' } },
    },
  ],
};

/** A validation that starts a 48-hour case clock, so where it counts from shows to the second. */
const validatedReview = {
  key: 'grid-validated-review',
  version: 1,
  title: { en: 'Grid review after validation', 'zh-CN': '受理后电网审查' },
  requestType: 'infrastructure',
  jurisdiction: 'cn',
  start: 'validation',
  steps: [
    {
      id: 'validation',
      title: { en: 'Validation', 'zh-CN': '受理审查' },
      kind: 'task',
      owner: grid,
      duration: { value: 5, unit: 'workingDays' },
      next: { valid: 'review', invalid: { status: 'refused' } },
    },
    {
      id: 'review',
      title: { en: 'Capacity review', 'zh-CN': '容量审查' },
      kind: 'task',
      owner: grid,
      duration: { value: 20, unit: 'workingDays' },
      next: { approved: { status: 'approved' }, refused: { status: 'refused' } },
    },
  ],
  caseClock: { duration: { value: 48, unit: 'hours' }, startsAfter: 'validation', pauseOnApplicant: false },
};

/** Berlin's offset east of UTC at an instant, by the host's zone data: only to pick a period that crosses a change. */
function berlinOffset(ms: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')!.value;
}

/**
 * A jurisdiction the project has never seen, published as data: Berlin's zone, weekends and the fixed public
 * holidays of the Berlin Feiertagsgesetz for this year and the next two (a test fixture: the movable Easter
 * holidays are left out), with no code for the zone.
 */
function berlinCalendar(): Record<string, unknown> {
  const year = new Date().getUTCFullYear();
  const years = [year, year + 1, year + 2];
  const fixed = [
    ['01-01', 'Neujahr'],
    ['03-08', 'Internationaler Frauentag'],
    ['05-01', 'Tag der Arbeit'],
    ['10-03', 'Tag der Deutschen Einheit'],
    ['12-25', '1. Weihnachtstag'],
    ['12-26', '2. Weihnachtstag'],
  ];
  return {
    id: 'de-be',
    name: 'Berlin',
    timeZone: 'Europe/Berlin',
    weekendDays: [0, 6],
    holidays: years.flatMap((y) => fixed.map(([day, name]) => ({ date: `${y}-${day}`, name }))),
    makeUpWorkingDays: [],
    coverage: { from: `${year}-01-01`, to: `${year + 2}-12-31` },
  };
}

const SYDNEY = 'Australia/Sydney';

/** The local date and offset of an instant in Sydney, by the host's zone data: an oracle apart from the snapshot. */
function sydneyLocal(ms: number): { date: string; offset: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: SYDNEY,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, offset: get('timeZoneName').replace('GMT', '') };
}

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The day of `month` (1-12) of `year` that is its `nth` Monday. */
function nthMonday(year: number, month: number, nth: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((8 - first) % 7) + 7 * (nth - 1);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * New South Wales, a jurisdiction the project has no code or calendar for, published as data: Sydney's zone
 * (southern summer time), weekends, and the Public Holidays Act 2010 (NSW) holidays for this year and the next
 * two that fall on a fixed date or a fixed Monday (King's Birthday, the second Monday of June; Labour Day, the
 * first Monday of October), with the Act's additional day for New Year's Day, Christmas Day and Boxing Day on a
 * weekend and Australia Day on a weekend kept on the Monday after. A test fixture: Easter is left out.
 */
function nswCalendar(): { id: string; timeZone: string; holidays: Array<{ date: string; name: string }> } & Record<
  string,
  unknown
> {
  const year = new Date().getUTCFullYear();
  const weekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;
  const holidays = [year, year + 1, year + 2].flatMap((y) => {
    let australiaDay = `${y}-01-26`;
    while (weekend(australiaDay)) australiaDay = nextDate(australiaDay);
    const days = [
      { date: `${y}-01-01`, name: "New Year's Day" },
      { date: australiaDay, name: 'Australia Day' },
      { date: `${y}-04-25`, name: 'Anzac Day' },
      { date: nthMonday(y, 6, 2), name: "King's Birthday" },
      { date: nthMonday(y, 10, 1), name: 'Labour Day' },
      { date: `${y}-12-25`, name: 'Christmas Day' },
      { date: `${y}-12-26`, name: 'Boxing Day' },
    ];
    for (const name of ["New Year's Day", 'Christmas Day', 'Boxing Day']) {
      const holiday = days.find((h) => h.name === name)!;
      if (!weekend(holiday.date)) continue;
      let extra = nextDate(holiday.date);
      while (weekend(extra) || days.some((h) => h.date === extra)) extra = nextDate(extra);
      days.push({ date: extra, name: `${name} (additional day)` });
    }
    return days.sort((a, b) => a.date.localeCompare(b.date));
  });
  return {
    id: 'au-nsw',
    name: 'New South Wales',
    timeZone: SYDNEY,
    weekendDays: [0, 6],
    holidays,
    makeUpWorkingDays: [],
    coverage: { from: `${year}-01-01`, to: `${year + 2}-12-31` },
  };
}

describe('statutory clocks over HTTP and the real workflow', () => {
  let api: TestApi;
  let sut: ApiDriver;
  beforeAll(async () => {
    api = await startTestApi();
    sut = new ApiDriver(api);
    for (const definition of [longDecision, noticeDecision, validatedReview]) {
      const res = await sut.post('admin', '/definitions', { definition });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => api?.close());

  const detail = async (id: string) => (await sut.get('acme-battery', `/requests/${id}`)).body as Detail;
  const submit = async (definitionKey: string) => {
    const res = await sut.post('acme-battery', '/requests', { definitionKey, title: 'Battery plant, grid' });
    expect(res.status).toBe(202);
    return (res.body as { id: string }).id;
  };

  it('shows a due date past the calendar as provisional until a calendar covering it is published, then recounts it', async () => {
    const id = await submit('grid-capacity-review');
    await sut.waitForStep(id, 'review');
    const before = await detail(id);
    const duration = { value: reviewDays, unit: 'workingDays' } as const;
    const started = before.submittedAt;
    const provisional = dueFrom(cn, started, duration);
    expect(provisional.provisional).toBe(true);
    expect(before).toMatchObject({ timeZone: 'Asia/Shanghai', provisional: true });
    expect(before.currentSteps[0]).toMatchObject({ dueAt: provisional.dueAt, dueProvisional: true });
    expect(before.currentSteps[0].dueLocal).toMatch(/T00:00:00\+08:00$/);

    const queue = await sut.get('clerk-grid', '/work-queue?pageSize=100');
    const item = (queue.body as { items: Array<{ requestId: string; dueProvisional: boolean }> }).items.find(
      (i) => i.requestId === id,
    );
    expect(item?.dueProvisional).toBe(true);
    const metrics = await api.http.get('/metrics');
    expect(metrics.text).toMatch(/onewindow_provisional_due_steps\{department="grid-utility"\} [1-9]/);

    // A revision covering the next year (a test fixture: New Year's Day only, not an official arrangement).
    const revised: WorkingCalendar = {
      ...cn,
      holidays: [...cn.holidays, { date: `${nextYear}-01-01`, name: "New Year's Day" }],
      coverage: { from: cn.coverage!.from, to: `${nextYear}-12-31` },
    };
    const published = await sut.post('admin', '/calendars', { calendar: revised });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ runningCases: { failed: 0 } });
    expect((published.body as { runningCases: { signalled: number } }).runningCases.signalled).toBeGreaterThan(0);

    const recounted = dueFrom(revised, started, duration);
    const after = await eventually(async () => {
      const d = await detail(id);
      return d.timeline.some((t) => t.event === 'deadline.recomputed') ? d : undefined;
    }, 'the recomputation in the timeline');
    expect(after.provisional).toBe(false);
    expect(after.currentSteps[0]).toMatchObject({ dueAt: recounted.dueAt, dueProvisional: false });
    const audit = await sut.get('auditor', `/requests/${id}`);
    expect(audit.status).toBe(200);
  });

  it('counts a period in a zone published as data, Europe/Berlin, across a change of summer time', async () => {
    const published = await sut.post('admin', '/calendars', { calendar: berlinCalendar() });
    expect(published.status).toBe(201);
    const calendar = (published.body as { calendar: WorkingCalendar }).calendar;
    expect(calendar.utcOffsets?.transitions.length).toBeGreaterThan(4);

    // The fewest months from now whose end lies on the other side of a change (CET <-> CEST).
    const now = Date.now();
    const months = [1, 2, 3, 4, 5, 6].find((n) => berlinOffset(now + n * 31 * 86_400_000) !== berlinOffset(now))!;
    const duration: Duration = { value: months, unit: 'months', counting: { rollForward: true } };
    const definition = {
      ...longDecision,
      key: 'berlin-grid-review',
      title: { en: 'Grid review (Berlin)', 'zh-CN': '电网审查（柏林）' },
      jurisdiction: 'de-be',
      steps: [{ ...longDecision.steps[0], duration }],
    };
    expect((await sut.post('admin', '/definitions', { definition })).status).toBe(201);

    const id = await submit('berlin-grid-review');
    await sut.waitForStep(id, 'review');
    const d = await detail(id);
    const due = dueFrom(calendar, d.submittedAt, duration);
    expect(d.timeZone).toBe('Europe/Berlin');
    expect(d.currentSteps[0]).toMatchObject({ dueAt: due.dueAt, dueLocal: showInstant(due.dueAt, calendar) });
    // The period ends at local midnight in the other half of the year's offset than it started in.
    const startOffset = showInstant(d.submittedAt, calendar).slice(-6);
    expect(d.currentSteps[0].dueLocal).toMatch(/T00:00:00\+0[12]:00$/);
    expect(d.currentSteps[0].dueLocal!.slice(-6)).not.toBe(startOffset);

    const unknown = await sut.post('admin', '/calendars', {
      calendar: { ...berlinCalendar(), timeZone: 'Mars/Olympus' },
    });
    expect(unknown.status).toBe(422);
    expect((unknown.body as { message: string }).message).toContain("'Mars/Olympus' is not a zone");
  });

  it('publishes New South Wales, never seen before, and counts a case on its local days and holidays', async () => {
    const body = nswCalendar();
    const published = await sut.post('admin', '/calendars', { calendar: body });
    expect(published.status).toBe(201);
    const calendar = (published.body as { calendar: WorkingCalendar }).calendar;
    expect(calendar).toMatchObject({
      id: 'au-nsw',
      timeZone: SYDNEY,
      coverage: body.coverage,
      holidays: body.holidays,
    });
    // Offsets generated from the IANA database: two changes a year (AEST and AEDT) over the covered years.
    const offsets = new Set(calendar.utcOffsets!.transitions.map((t) => t.offset));
    expect(offsets).toEqual(new Set([600, 660]));
    expect(calendar.utcOffsets!.transitions.length).toBeGreaterThanOrEqual(6);

    // A period long enough to run over the next holiday on a weekday, counted by hand below.
    const holidays = new Set(body.holidays.map((h) => h.date));
    const working = (date: string) => weekday(date) !== 0 && weekday(date) !== 6 && !holidays.has(date);
    const today = sydneyLocal(Date.now()).date;
    let days = 0;
    for (let d = nextDate(today); !(holidays.has(d) && weekday(d) !== 0 && weekday(d) !== 6); d = nextDate(d)) {
      if (working(d)) days++;
    }
    const duration: Duration = { value: days + 2, unit: 'workingDays' };
    const definition = {
      key: 'nsw-connection-consent',
      version: 1,
      title: { en: 'Connection consent (New South Wales)', 'zh-CN': '并网许可（新南威尔士州）' },
      requestType: 'infrastructure',
      jurisdiction: 'au-nsw',
      start: 'decision',
      steps: [
        {
          id: 'decision',
          title: { en: 'Consent decision', 'zh-CN': '许可决定' },
          kind: 'task',
          owner: grid,
          duration,
          onTimeout: {
            action: 'deemed',
            outcome: 'approved',
            effect: 'approved',
            requiresNotice: true,
            noticeAfterExpiry: true,
          },
          next: { approved: { status: 'approved' }, refused: { status: 'refused' } },
        },
      ],
    };
    expect((await sut.post('admin', '/definitions', { definition })).status).toBe(201);

    const id = await submit('nsw-connection-consent');
    await sut.waitForStep(id, 'decision');
    const d = await detail(id);
    expect(d.timeZone).toBe(SYDNEY);

    // By hand: working days after the Sydney day of receipt, skipping weekends and the published holidays.
    let last = sydneyLocal(Date.parse(d.submittedAt)).date;
    for (let counted = 0; counted < duration.value;) {
      last = nextDate(last);
      if (working(last)) counted++;
    }
    const dayAfter = nextDate(last);
    // The offset in force as the day after begins (00:00 AEST is 01:00 AEDT: the same offset as midnight).
    const offset = sydneyLocal(Date.parse(`${dayAfter}T00:00:00+10:00`)).offset;
    const end = `${dayAfter}T00:00:00${offset}`;
    const step = d.currentSteps[0];
    expect(step).toMatchObject({ dueLocal: end, dueAt: new Date(Date.parse(end)).toISOString() });

    // 00:30 in Sydney on the day after the last day is past the end, though in UTC it is still the last day.
    const halfPast = Date.parse(`${dayAfter}T00:30:00${offset}`);
    expect(halfPast).toBeGreaterThan(Date.parse(step.dueAt!));
    expect(new Date(halfPast).toISOString().slice(0, 10)).toBe(last);

    // The API counts on the snapshot too: a notice now is refused, naming the end at Sydney midnight.
    const early = await sut.post('acme-battery', `/requests/${id}/steps/decision/notice`);
    // A refusal of what the law does not allow yet (NOT_ALLOWED), with the one error body.
    expect(early.status).toBe(403);
    expect(early.body).toMatchObject({ code: 'FORBIDDEN', details: { periodEndsAt: step.dueAt } });
    expect((early.body as { message: string }).message).toContain(`may be given only after its period ends at ${end}`);
    expect((await detail(id)).timeline.some((t) => t.event === 'notice.given')).toBe(false);

    // The auditor folds the recorded transitions through the reducer on the same snapshot and counts the same end.
    const now = encodeURIComponent(new Date().toISOString());
    const audited = await sut.get('auditor', `/audit/requests/${id}/state?at=${now}`);
    expect(audited.status).toBe(200);
    expect(
      (audited.body as { state: { activeSteps: Array<{ stepId: string; dueAt: string }> } }).state.activeSteps,
    ).toEqual([expect.objectContaining({ stepId: 'decision', dueAt: step.dueAt })]);
    const verified = await sut.get('auditor', `/audit/requests/${id}/verify`);
    expect(verified.body).toMatchObject({ requestId: id, ok: true, issues: [] });
  });

  it('counts the case clock from the instant a validation is dated back to, and refuses one before receipt', async () => {
    const id = await submit('grid-validated-review');
    await sut.waitForStep(id, 'validation');
    const { submittedAt } = await detail(id);
    const reason = 'The missing single-line diagram was on file at receipt';

    const early = new Date(Date.parse(submittedAt) - 1000).toISOString();
    const refused = await sut.decide('clerk-grid', id, 'validation', {
      outcome: 'valid',
      reason,
      effectiveFrom: early,
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect((refused.body as { message: string }).message).toContain('only between receipt');
    expect(await detail(id)).toMatchObject({ clock: null, currentSteps: [{ stepId: 'validation' }] });

    const res = await sut.decide('clerk-grid', id, 'validation', {
      outcome: 'valid',
      reason,
      effectiveFrom: submittedAt,
    });
    expect(res.status).toBe(200);
    await sut.waitForStep(id, 'review');
    const d = (await detail(id)) as Detail & { clock: { startedAt: string; dueAt: string } };
    // 48 hours from receipt, not from the moment the clerk recorded the validation.
    expect(d.clock.startedAt).toBe(submittedAt);
    expect(Date.parse(d.clock.dueAt)).toBe(Date.parse(submittedAt) + 48 * 3_600_000);
    expect(d.timeline.find((t) => t.stepId === 'validation' && t.event === 'decided')).toMatchObject({ reason });
  });

  it('deems approval only once the notice period after the applicant’s notice has ended', async () => {
    const id = await submit('grid-connection-notice');
    await eventually(async () => {
      const d = await detail(id);
      return d.timeline.some((t) => t.event === 'timer.escalated') ? d : undefined;
    }, 'the decision escalated without notice');
    expect((await detail(id)).status).toBe('in_progress');

    const notice = await sut.post('acme-battery', `/requests/${id}/steps/decision/notice`);
    expect(notice.status).toBe(200);
    const done = await eventually(async () => {
      const d = await detail(id);
      return d.status === 'approved' ? d : undefined;
    }, 'the deemed approval');
    const events = done.timeline.map((t) => t.event);
    expect(events).toEqual(
      expect.arrayContaining(['notice.given', 'timer.notice-period-ended', 'timer.deemed-approved']),
    );
    const given = done.timeline.find((t) => t.event === 'notice.given')!;
    const deemed = done.timeline.find((t) => t.event === 'timer.deemed-approved')!;
    // The approval came no earlier than the notice period's end (4 seconds after the notice).
    expect(Date.parse(deemed.at) - Date.parse(given.at)).toBeGreaterThanOrEqual(4000);
  });
});
