import { gridConnectionDefinition, landUseDefinition, type CaseState, type Transition } from '@onewindow/domain';
import { planNotifications } from './notification-planner';
import { render } from './templates';
import { signWebhook, verifyWebhook } from './webhook-signature';

const request = { requestId: 'r-1', title: 'Hall A', applicantId: 'acme', coApplicants: ['volta'] };
const clerk = { id: 'clerk-fire', role: 'clerk' as const, department: 'fire' };
const at = '2026-03-02T10:00:00.000Z';

function state(activeSteps: Array<Partial<CaseState['activeSteps'][number]>> = [], status = 'in_progress'): CaseState {
  return { status, activeSteps } as unknown as CaseState;
}

function t(seq: number, event: string, stepId: string | null, extra: Partial<Transition> = {}): Transition {
  return { seq, event, stepId, fromState: 'active', toState: 'completed', actor: clerk, at, ...extra };
}

describe(planNotifications.name, () => {
  it('tells the applicant and every co-applicant when their action is needed', () => {
    const planned = planNotifications(request, state(), [
      t(4, 'information.requested', 'intake', { data: { items: [{ id: 'a', description: 'Site plan' }] } }),
      t(5, 'information.requested', null),
    ]);
    expect(planned).toEqual([
      expect.objectContaining({
        cause: 'r-1:4:action-needed',
        audience: [{ userId: 'acme' }, { userId: 'volta' }],
        facts: expect.objectContaining({ items: ['Site plan'] }),
      }),
    ]);
  });

  it('sends one decision notice for an action that decides a step and the case', () => {
    const planned = planNotifications(request, state([], 'approved'), [
      t(9, 'decided', 'decision', { outcome: 'approved' }),
      t(10, 'decided', null, { fromState: 'in_progress', toState: 'approved' }),
    ]);
    expect(planned.map((p) => [p.kind, p.seq])).toEqual([['decision', 10]]);
  });

  it('tells the applicants when a document is issued, with its number and verification code, in their language', () => {
    const planned = planNotifications(request, state([], 'approved'), [
      t(12, 'document.issued', 'issuance', {
        outcome: 'issued',
        data: {
          kind: 'permit',
          documentId: 'permit-1',
          number: 'US-CA-2026-000042',
          verificationCode: 'ABCD-EFGH-JKMN-PQRS',
        },
      }),
    ]);
    expect(planned).toEqual([
      expect.objectContaining({ kind: 'document-issued', audience: [{ userId: 'acme' }, { userId: 'volta' }] }),
    ]);
    const [{ facts }] = planned;
    expect(render('document-issued', 'en', facts).subject).toBe('Issued: permit US-CA-2026-000042 (Hall A)');
    expect(render('document-issued', 'zh-CN', facts).body).toContain('/verify/ABCD-EFGH-JKMN-PQRS');
  });

  it('tells the applicants why their permit was revoked, and sends no decision notice for it', () => {
    const planned = planNotifications(request, state([], 'approved'), [
      t(14, 'document.revoked', null, {
        fromState: 'valid',
        toState: 'revoked',
        data: { documentId: 'permit-1', kind: 'permit', reason: 'Works started in breach of condition 1' },
      }),
    ]);
    expect(planned.map((p) => [p.kind, p.seq])).toEqual([['document-changed', 14]]);
    const [{ facts }] = planned;
    expect(render('document-changed', 'en', facts)).toMatchObject({
      subject: 'Permit revoked (Hall A)',
      body: expect.stringContaining('is now revoked: Works started in breach of condition 1.'),
    });
    expect(render('document-changed', 'zh-CN', facts).body).toContain('许可证已被撤销，理由：');
  });

  it('tells the holder of a breached step and the supervisors over its department', () => {
    const active = { stepId: 'fire-review', title: 'Fire', owner: { department: 'fire', role: 'clerk' } };
    const held = planNotifications(request, state([{ ...active, assignee: 'clerk-fire' } as never]), [
      t(7, 'timer.escalated', 'fire-review', { actor: { id: 'system', role: 'system' }, data: { dueAt: at } }),
    ]);
    expect(held[0]).toMatchObject({
      kind: 'breach',
      audience: [{ userId: 'clerk-fire' }, { supervisorsOf: 'fire' }],
      facts: { dueAt: at },
    });
    const unheld = planNotifications(request, state([active as never]), [t(7, 'timer.escalated', 'fire-review')]);
    expect(unheld[0].audience).toEqual([{ clerksOf: 'fire' }, { supervisorsOf: 'fire' }]);
  });

  it('reports deemed outcomes as such, and nothing for bookkeeping transitions', () => {
    const planned = planNotifications(request, state(), [
      t(3, 'timer.deemed-complete', 'intake', { outcome: 'complete' }),
      t(4, 'claimed', 'fire-review'),
      t(5, 'document.uploaded', null),
    ]);
    expect(planned.map((p) => p.kind)).toEqual(['deemed']);
  });
});

describe(render.name, () => {
  it('speaks the recipient’s language', () => {
    const facts = {
      requestTitle: 'Hall A',
      requestId: 'r-1',
      event: 'decided',
      stepId: null,
      stepTitle: null,
      outcome: 'approved',
      status: 'approved',
      dueAt: null,
      items: [],
    };
    expect(render('decision', 'en', facts).subject).toBe('Decision on Hall A: approved');
    expect(render('decision', 'zh-CN', facts).subject).toBe('审批决定：Hall A（准予许可）');
  });

  it('names an outcome as the case’s definition names it, in the recipient’s language', () => {
    const facts = {
      requestTitle: 'Supply for hall A',
      requestId: 'r-1',
      event: 'decided',
      stepId: 'supply-plan',
      stepTitle: { en: 'Supply plan', 'zh-CN': '供电方案答复' },
      outcome: 'issued',
      status: 'in_progress',
      dueAt: null,
      items: [],
    };
    const reading = { outcomeLabels: gridConnectionDefinition.outcomeLabels };
    expect(render('decision', 'en', facts, reading).subject).toBe('Decision on Supply for hall A: Supply plan issued');
    expect(render('decision', 'zh-CN', facts, reading).subject).toBe('审批决定：Supply for hall A（已答复供电方案）');
    // A land-use approval is 予以批准, not a permit's 准予许可.
    const approved = { ...facts, outcome: 'approved' };
    expect(render('decision', 'zh-CN', approved, { outcomeLabels: landUseDefinition.outcomeLabels }).subject).toContain(
      '予以批准',
    );
  });

  it('says what happened and by when in words, the deadline read in the case’s zone', () => {
    const facts = {
      requestTitle: 'Hall A',
      requestId: 'r-1',
      event: 'information.requested',
      stepId: 'intake',
      stepTitle: { en: 'Intake', 'zh-CN': '受理' },
      outcome: null,
      status: 'in_progress',
      // The end of Wednesday 6 January 2027 in Beijing.
      dueAt: '2027-01-06T16:00:00.000Z',
      items: [],
    };
    const en = render('action-needed', 'en', facts, { timeZone: 'Asia/Shanghai' }).body;
    expect(en).toContain('(information was requested)');
    expect(en).toContain('Due by end of Wed 6 Jan 2027 (China Standard Time).');
    const zh = render('action-needed', 'zh-CN', facts, { timeZone: 'Asia/Shanghai' }).body;
    expect(zh).toContain('（需补正材料）');
    expect(zh).toContain('办理期限：2027年1月6日（周三）当日结束前（中国标准时间）。');
  });
});

describe(verifyWebhook.name, () => {
  const body = '{"id":"r-1:4:action-needed:acme"}';
  const now = 1_800_000_000;

  it('accepts a fresh, matching signature and refuses a forged, altered or replayed one', () => {
    const signature = signWebhook('whsec_test', now, body);
    expect(verifyWebhook('whsec_test', { signature, timestamp: String(now) }, body, now + 10)).toBe(true);
    expect(verifyWebhook('whsec_other', { signature, timestamp: String(now) }, body, now)).toBe(false);
    expect(verifyWebhook('whsec_test', { signature, timestamp: String(now) }, `${body} `, now)).toBe(false);
    expect(verifyWebhook('whsec_test', { signature, timestamp: String(now) }, body, now + 301)).toBe(false);
  });
});
