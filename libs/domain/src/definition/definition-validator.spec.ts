import { builtInCalendars } from '../calendar/calendars';
import { validateCalendar } from '../calendar/calendar-validator';
import { builtInDefinitions, buildingPermitDefinition, builtInDefinitionsAsJson } from '../definitions';
import { validateDefinition } from './definition-validator';

type Json = Record<string, unknown>;

/** The object at `path` inside raw definition JSON, so specs can corrupt it as a hand-edited file would be. */
function node(root: Json, ...path: (string | number)[]): Json {
  return path.reduce<Json>((at, key) => (at as Record<string | number, unknown>)[key] as Json, root);
}

function withSteps(mutate: (def: Json) => void): unknown {
  const copy = JSON.parse(JSON.stringify(buildingPermitDefinition)) as Json;
  mutate(copy);
  return copy;
}

function errorsOf(input: unknown): string[] {
  const result = validateDefinition(input);
  return result.ok ? [] : result.errors;
}

describe(validateDefinition.name, () => {
  it.each(builtInDefinitions.map((d) => [d.key, d]))(
    'accepts the built-in %s, every label in every served language',
    (_key, definition) => {
      expect(errorsOf(definition)).toEqual([]);
      expect(validateDefinition(definition, { everyLanguage: true })).toMatchObject({ ok: true });
    },
  );

  it('refuses a definition being published with a label missing a language, naming the path', () => {
    const input = withSteps((d) => {
      node(d, 'steps', 1, 'members', 1).title = { en: 'Fire safety review' };
      node(d, 'attributesSchema', 'properties', 'floorAreaM2').description = 'Only English';
      node(d, 'documents', 0).title = { en: 'Site plan', 'zh-CN': '总平面图', fr: 'Plan de masse' };
    });
    const result = validateDefinition(input, { everyLanguage: true });
    expect(result.ok ? [] : result.errors).toEqual([
      'steps[1].members[1].title.zh-CN: the zh-CN text is missing',
      'documents[0].title.fr: is not a served language (en, zh-CN)',
      expect.stringMatching(/^attributesSchema\.properties\.floorAreaM2\.description: must be a text in each language/),
    ]);
  });

  it('still reads a stored version whose labels are plain strings, so its cases replay', () => {
    const old = withSteps((d) => {
      d.title = 'Construction / building permit';
      node(d, 'steps', 0).title = 'Intake and completeness check';
    });
    expect(errorsOf(old)).toEqual([]);
  });

  it('accepts the built-ins loaded back from JSON files and returns a detached copy', () => {
    for (const text of Object.values(builtInDefinitionsAsJson())) {
      const input: unknown = JSON.parse(text);
      const result = validateDefinition(input);
      expect(result.ok && result.definition).toEqual(input);
      expect(result.ok && result.definition).not.toBe(input);
    }
  });

  it('names the path of an unknown step reference and suggests the near miss', () => {
    const input = withSteps((d) => (node(d, 'steps', 5, 'next').issued = 'isuance'));

    expect(errorsOf(input)).toContain("steps[5].next.issued: unknown step 'isuance' (did you mean 'issuance'?)");
  });

  it('reports duplicate ids, including members of review groups', () => {
    const input = withSteps((d) => (node(d, 'steps', 1, 'members', 2).id = 'fire-review'));

    expect(errorsOf(input)).toContain(
      "steps[1].members[2].id: duplicate step id 'fire-review' (also steps[1].members[1])",
    );
  });

  it('reports steps no route reaches', () => {
    const input = withSteps((d) => (d.steps as Json[]).push({ ...node(d, 'steps', 5), id: 'orphan' }));

    expect(errorsOf(input)).toEqual(["steps[10]: step 'orphan' is unreachable from start"]);
  });

  it('reports bad durations', () => {
    const input = withSteps((d) => {
      node(d, 'steps', 0).duration = { value: 2.5, unit: 'workingDays' };
      node(d, 'steps', 2).duration = { value: 3, unit: 'fortnights' };
    });

    expect(errorsOf(input)).toEqual([
      'steps[0].duration.value: must be a positive whole number (got 2.5)',
      'steps[2].duration.unit: must be one of workingDays, calendarDays, months, years, hours, minutes, seconds (got "fortnights")',
    ]);
  });

  it('accepts months and years with counting conventions and names a misplaced roll-forward', () => {
    const input = withSteps((d) => {
      node(d, 'steps', 0).duration = {
        value: 3,
        unit: 'months',
        counting: { from: 'beginning-with', rollForward: true },
      };
      node(d, 'steps', 2).duration = { value: 1, unit: 'years' };
      node(d, 'steps', 3).duration = { value: 2, unit: 'workingDays', counting: { rollForward: true } };
    });

    expect(errorsOf(input)).toEqual([
      'steps[3].duration.counting.rollForward: applies to calendar-day, month and year periods (a working-day period always ends on one)',
    ]);
  });

  it('accepts a deemed approval on a notice after expiry and names what cannot go with it', () => {
    expect(errorsOf(withSteps((d) => (node(d, 'steps', 3, 'onTimeout').noticeAfterExpiry = true)))).toEqual([]);
    const input = withSteps((d) => {
      Object.assign(node(d, 'steps', 3, 'onTimeout'), {
        noticeAfterExpiry: true,
        noticePeriod: { value: 5, unit: 'workingDays' },
      });
    });

    expect(errorsOf(input)).toEqual([
      'steps[3].onTimeout.noticeAfterExpiry: cannot go with noticePeriod (the approval takes effect at the notice)',
    ]);
  });

  it('names the faults of a window anchored on an event', () => {
    const input = withSteps((d) => {
      d.actionWindows = [
        {
          name: 'after-supplement',
          action: 'request-information',
          within: { value: 5, unit: 'workingDays' },
          anchor: { event: 'resubmitted', stepId: 'intake', outcome: 'x', restart: 'yes' },
        },
      ];
    });

    expect(errorsOf(input)).toEqual([
      'actionWindows[0].anchor.event: must be one of answer-information, upload-document, give-notice, decide, accept-with-missing (got "resubmitted")',
      'actionWindows[0].anchor.outcome: applies to a decide anchor only',
      'actionWindows[0].anchor.restart: must be true or false',
    ]);
  });

  it('refuses a deemed approval without notice', () => {
    const input = withSteps((d) => delete node(d, 'steps', 3, 'onTimeout').requiresNotice);

    expect(errorsOf(input)).toEqual([
      'steps[3].onTimeout: a deemed approval needs requiresNotice: true (the law grants it only after notice)',
    ]);
  });

  it('refuses a timeout on a step without a duration, and a deemed outcome the step does not have', () => {
    const input = withSteps((d) => {
      delete node(d, 'steps', 0).duration;
      node(d, 'steps', 0, 'onTimeout').outcome = 'approved';
    });

    expect(errorsOf(input)).toEqual([
      'steps[0].onTimeout: the step has no duration to time out',
      "steps[0].onTimeout.outcome: 'approved' is not an outcome of the step (complete)",
    ]);
  });

  it('requires a route for every member outcome of a review group and for skips', () => {
    const input = withSteps((d) => {
      delete node(d, 'steps', 1, 'next').corrections;
      delete node(d, 'steps', 6, 'next').skipped;
    });

    expect(errorsOf(input)).toEqual(
      expect.arrayContaining([
        "steps[1].next: no route for member outcome 'corrections'",
        "steps[6].next.skipped: required: the step has a 'when' condition and must say where a skip leads",
      ]),
    );
  });

  it('flags unknown properties, routes into a member review, bad quorums and fixed outcomes', () => {
    const input = withSteps((d) => {
      node(d, 'steps', 0).nxt = {};
      node(d, 'steps', 0, 'next').complete = 'fire-review';
      node(d, 'steps', 1).mode = 'quorum';
      node(d, 'steps', 1).quorum = 9;
      node(d, 'steps', 4).next = { paid: 'issuance', refunded: 'issuance' };
    });

    expect(errorsOf(input)).toEqual(
      expect.arrayContaining([
        'steps[0].nxt: unknown property',
        "steps[0].next.complete: 'fire-review' is a member review: route to its group instead",
        'steps[1].quorum: must be a whole number from 1 to the number of members (got 9)',
        "steps[4].next.refunded: a payment step has no outcome 'refunded'",
      ]),
    );
  });

  it('checks routing conditions', () => {
    const input = withSteps(
      (d) => (node(d, 'steps', 1, 'members', 3).when = { attr: 'floorAreaM2', op: '=>', value: true }),
    );

    expect(errorsOf(input)).toEqual([
      'steps[1].members[3].when.op: must be one of ==, !=, >, >=, <, <= (got "=>")',
      "steps[1].members[3].when.value: compares 'floorAreaM2' (number) with true",
    ]);
  });

  it('reports root faults without throwing on garbage', () => {
    expect(errorsOf(null)).toEqual(['definition: must be an object (got null)']);
    expect(errorsOf({ key: 'X Y', version: 0, steps: [] })).toEqual(
      expect.arrayContaining([
        "key: 'X Y' must match /^[a-z0-9][a-z0-9-]*$/",
        'version: must be a positive whole number (got 0)',
        'steps: must be a non-empty list of steps',
        'start: must name the first step(s) (missing)',
      ]),
    );
  });
});

describe('attributesSchema', () => {
  it('locates each fault of a declared attribute schema and of the conditions that read attributes', () => {
    const input = withSteps((d) => {
      const schema = node(d, 'attributesSchema');
      node(schema, 'properties').floorAreaM2 = { type: 'decimal' };
      node(schema, 'properties').storeys = { type: 'boolean', minimum: 1 };
      schema.required = ['floorAreaM2', 'height'];
      node(d, 'steps', 6).when = { attr: 'inspection', op: '==', value: true };
    });
    const result = validateDefinition(input);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.faults).toEqual(
      expect.arrayContaining([
        { path: 'attributesSchema.properties.floorAreaM2.type', message: expect.stringContaining('must be one of') },
        { path: 'attributesSchema.properties.storeys.minimum', message: 'applies to numbers only, not boolean' },
        { path: 'attributesSchema.required[1]', message: "'height' is not among the properties" },
      ]),
    );
  });

  it('refuses a condition on an undeclared attribute or one of another type', () => {
    const undeclared = withSteps((d) => (node(d, 'steps', 6).when = { attr: 'inspection', op: '==', value: true }));
    const mistyped = withSteps(
      (d) => (node(d, 'steps', 6).when = { attr: 'inspectionRequired', op: '==', value: 'yes' }),
    );

    expect(validateDefinition(undeclared)).toMatchObject({
      ok: false,
      faults: [{ path: 'steps[6].when.attr', message: "'inspection' is not declared in attributesSchema.properties" }],
    });
    expect(errorsOf(mistyped)).toEqual([`steps[6].when.value: compares 'inspectionRequired' (boolean) with "yes"`]);
  });
});

describe(validateCalendar.name, () => {
  it.each(builtInCalendars.map((c) => [c.id, c]))('accepts the built-in %s', (_id, calendar) => {
    expect(validateCalendar(calendar)).toMatchObject({ ok: true });
  });

  it('reports bad dates, duplicates and make-up days that are not weekend days', () => {
    const result = validateCalendar({
      id: 'xx',
      name: 'Test',
      weekendDays: [0, 6],
      holidays: [
        { date: '2026-02-30', name: 'No such day' },
        { date: '2026-03-02', name: 'A' },
        { date: '2026-03-02', name: 'B' },
      ],
      makeUpWorkingDays: [{ date: '2026-03-03', name: 'Tuesday' }],
    });

    expect(result).toEqual({
      ok: false,
      errors: [
        'holidays[0].date: must be a YYYY-MM-DD date (got "2026-02-30")',
        'holidays[2].date: 2026-03-02 is listed twice',
        'makeUpWorkingDays[0]: 2026-03-03 is already a working day (not a weekend day)',
      ],
    });
  });

  it('takes any IANA zone with its offsets as data and names each fault in them', () => {
    const berlin = {
      id: 'de-be',
      name: 'Berlin',
      timeZone: 'Europe/Berlin',
      weekendDays: [0, 6],
      holidays: [],
      makeUpWorkingDays: [],
      coverage: { from: '2026-01-01', to: '2026-12-31' },
    };
    const transitions = [
      { from: '2025-01-01T00:00:00.000Z', offset: 60 },
      { from: '2026-03-29T01:00:00.000Z', offset: 120 },
      { from: '2026-10-25T01:00:00.000Z', offset: 60 },
    ];
    expect(validateCalendar({ ...berlin, utcOffsets: { source: 'IANA 2026d', transitions } })).toMatchObject({
      ok: true,
    });

    expect(errorsOfCalendar(berlin)).toEqual([
      "utcOffsets: are missing for 'Europe/Berlin': they are generated when the calendar is published",
    ]);
    expect(
      errorsOfCalendar({
        ...berlin,
        utcOffsets: {
          source: 'IANA 2026d',
          transitions: [
            { from: '2026-01-01T00:00:00Z', offset: 60 },
            { from: '2026-03-29T01:00:00Z', offset: 60.5 },
            { from: '2026-03-01T01:00:00Z', offset: 1200 },
          ],
        },
      }),
    ).toEqual([
      'utcOffsets.transitions[1].offset: must be whole minutes east of UTC, at most 18 hours (got 60.5)',
      'utcOffsets.transitions[2].from: must come after the transition before it',
      'utcOffsets.transitions[2].offset: must be whole minutes east of UTC, at most 18 hours (got 1200)',
      "utcOffsets.transitions[0].from: must reach back before the coverage's first day 2026-01-01",
    ]);
    expect(errorsOfCalendar({ ...berlin, timeZone: 'Berlin time' })).toEqual([
      'timeZone: must be an IANA time-zone name such as Europe/Berlin (got "Berlin time")',
    ]);
  });
});

function errorsOfCalendar(input: unknown): string[] {
  const result = validateCalendar(input);
  return result.ok ? [] : result.errors;
}
