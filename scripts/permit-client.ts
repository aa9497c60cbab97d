// A client of the API that follows its contract under faults, and the building-permit case it drives;
// shared by the chaos run and the cluster throughput bench.
import { randomUUID } from 'node:crypto';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * One Idempotency-Key per action, retried with the same key on 503, 409 CONFLICT or a dropped
 * connection, across the replicas; counts every answer that was not a success.
 */
export class PermitClient {
  /** Answers that were not a success, by status and code. */
  readonly errors = new Map<string, number>();
  /** Answers the contract does not allow under faults: anything but 503, or 409 with a code and message. */
  readonly badErrors: string[] = [];
  acknowledged = 0;
  attempts = 0;
  private tokens = new Map<string, string>();
  private next = 0;

  constructor(private readonly apis: string[]) {}

  private pick(): string {
    this.next = (this.next + 1) % this.apis.length;
    return this.apis[this.next];
  }

  private async token(user: string): Promise<string> {
    const cached = this.tokens.get(user);
    if (cached) return cached;
    const res = await this.raw('POST', '/auth/login', 'anonymous', { username: user });
    const token = String(res.body.accessToken);
    this.tokens.set(user, token);
    return token;
  }

  private async raw(method: string, path: string, user: string, body?: object, key?: string): Promise<Answer> {
    for (let attempt = 0; ; attempt += 1) {
      const base = this.pick();
      this.attempts += 1;
      try {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (user !== 'anonymous') headers.authorization = `Bearer ${await this.token(user)}`;
        if (key) headers['idempotency-key'] = key;
        const res = await fetch(`${base}${path}`, {
          method,
          headers,
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(60_000),
        });
        const parsed = (await res.json().catch(() => ({}))) as Record<string, unknown>;
        if (res.status < 400) return { status: res.status, body: parsed };
        const label = `${res.status} ${String(parsed.code)}`;
        this.errors.set(label, (this.errors.get(label) ?? 0) + 1);
        const retryable = res.status === 503 || (res.status === 409 && parsed.code === 'CONFLICT');
        const explained = typeof parsed.code === 'string' && typeof parsed.message === 'string';
        if (!(res.status === 503 || (res.status === 409 && explained))) {
          this.badErrors.push(`${method} ${path}: ${res.status} ${JSON.stringify(parsed)}`);
        }
        if (!retryable || attempt > 200) return { status: res.status, body: parsed };
        await sleep(res.status === 503 ? 1000 : 500);
      } catch (error) {
        // The replica died mid-call or is restarting: the same key goes to the other one.
        this.errors.set('connection dropped', (this.errors.get('connection dropped') ?? 0) + 1);
        if (attempt > 200) throw error;
        await sleep(300);
      }
    }
  }

  async act(user: string, path: string, body: object): Promise<Answer> {
    const res = await this.raw('POST', path, user, body, `chaos-${randomUUID()}`);
    if (res.status < 300) this.acknowledged += 1;
    return res;
  }

  get(user: string, path: string): Promise<Answer> {
    return this.raw('GET', path, user);
  }
}

const clerk = (department: string) => `clerk-${department}`;

/** One building permit from submission to issuance; returns its id. */
export async function runPermitCase(client: PermitClient, n: number): Promise<string> {
  const submitted = await client.act('acme-battery', '/requests', {
    definitionKey: 'building-permit',
    title: `Chaos hall ${n}`,
    attributes: { floorAreaM2: 1200 },
  });
  if (submitted.status !== 202) throw new Error(`case ${n}: submit answered ${submitted.status}`);
  const id = String(submitted.body.id);
  const decide = async (user: string, stepId: string, outcome: string) => {
    await waitForStep(client, id, stepId);
    const res = await client.act(user, `/requests/${id}/steps/${stepId}/decision`, { outcome });
    if (res.status !== 200) throw new Error(`case ${n}: ${stepId} answered ${res.status} ${JSON.stringify(res.body)}`);
  };
  await decide(clerk('building'), 'intake', 'complete');
  await Promise.all(['building', 'fire', 'environment'].map((d) => decide(clerk(d), `${d}-review`, 'approved')));
  await decide('supervisor', 'decision', 'approved');
  await waitForStep(client, id, 'fee');
  const paid = await client.act(clerk('finance'), `/requests/${id}/payments`, {
    stepId: 'fee',
    reference: `PAY-${n}`,
    amount: 1250,
  });
  // A retry whose first attempt took effect is answered by that attempt: a 409 is a refusal, never "done".
  if (paid.status !== 202) {
    throw new Error(`case ${n}: payment answered ${paid.status} ${JSON.stringify(paid.body)}`);
  }
  await decide(clerk('building'), 'issuance', 'issued');
  return id;
}

export async function waitForStep(client: PermitClient, id: string, stepId: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    const res = await client.get('auditor', `/requests/${id}`);
    const steps = (res.body.currentSteps as { stepId: string }[] | undefined) ?? [];
    if (steps.some((s) => s.stepId === stepId)) return;
    await sleep(250);
  }
  throw new Error(`${id}: step ${stepId} never became active`);
}
