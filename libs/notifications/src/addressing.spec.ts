import { addressNotifications, audiencesOf } from './addressing';
import type { PlannedNotification, Preferences } from './notification.types';

const facts: PlannedNotification['facts'] = {
  requestTitle: 'Hall A',
  requestId: 'r-1',
  event: 'decided',
  stepId: 'decision',
  stepTitle: { en: 'Decision', 'zh-CN': '决定' },
  outcome: 'approved',
  status: 'approved',
  dueAt: null,
  items: [],
};

const planned = (audience: PlannedNotification['audience']): PlannedNotification => ({
  cause: 'r-1:9:decision',
  kind: 'decision',
  audience,
  requestId: 'r-1',
  seq: 9,
  facts,
});

const person = (userId: string, extra: Partial<Preferences> = {}): Preferences => ({
  userId,
  role: 'applicant',
  department: null,
  language: 'en',
  channels: ['in-app'],
  email: null,
  webhookUrl: null,
  webhookSecret: null,
  ...extra,
});

describe(addressNotifications.name, () => {
  it('writes to a named person without preferences in-app, in English', () => {
    const [draft, ...rest] = addressNotifications([planned([{ userId: 'acme' }])], [], new Map());
    expect(rest).toEqual([]);
    expect(draft).toEqual(
      expect.objectContaining({
        recipientId: 'acme',
        channel: 'in-app',
        language: 'en',
        dedupeKey: 'r-1:9:decision:acme',
      }),
    );
  });

  it('writes once per channel in the recipient’s language, and not by email to someone without an address', () => {
    const known = [
      person('volta', { language: 'zh-CN', channels: ['in-app', 'email'], email: 'volta@example.test' }),
      person('clerk-1', { role: 'clerk', department: 'fire', channels: ['in-app', 'email'] }),
    ];
    const drafts = addressNotifications([planned([{ userId: 'volta' }, { clerksOf: 'fire' }])], known, new Map());
    expect(drafts.map((d) => [d.recipientId, d.channel, d.language])).toEqual([
      ['volta', 'in-app', 'zh-CN'],
      ['volta', 'email', 'zh-CN'],
      ['clerk-1', 'in-app', 'en'],
    ]);
    expect(drafts[1].address).toBe('volta@example.test');
  });

  it('asks for the preferences of the people and the departments an audience names', () => {
    expect(audiencesOf([planned([{ userId: 'acme' }, { clerksOf: 'fire' }, { supervisorsOf: null }])])).toEqual({
      userIds: ['acme'],
      departments: ['fire'],
    });
  });
});
