import type { IdempotencyKeyRepository } from '@onewindow/persistence';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { firstValueFrom, Subject } from 'rxjs';
import { CLAIM_LEASE_MS, IdempotencyInterceptor } from './idempotency.interceptor';

describe(IdempotencyInterceptor.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const keys = () => ({
    claim: jest.fn(() => Promise.resolve({ outcome: 'claimed' as const })),
    renew: jest.fn(() => Promise.resolve()),
    complete: jest.fn(() => Promise.resolve()),
    release: jest.fn(() => Promise.resolve()),
    purgeOlderThan: jest.fn(() => Promise.resolve()),
  });
  const context = {
    switchToHttp: () => ({
      getRequest: () => ({
        method: 'POST',
        url: '/requests/1/payments',
        headers: { 'idempotency-key': 'pay-1' },
        body: { amount: 1 },
        actor: { id: 'clerk-finance' },
      }),
      getResponse: () => ({ header: jest.fn() }),
    }),
    getHandler: () => () => undefined,
  } as unknown as ExecutionContext;

  it('renews the lease on its claim while the call runs, and stops once it has answered', async () => {
    const repository = keys();
    const sut = new IdempotencyInterceptor(repository as unknown as IdempotencyKeyRepository, new Reflector());
    const answer = new Subject<unknown>();
    const handled = await sut.intercept(context, { handle: () => answer } as CallHandler);
    const done = firstValueFrom(handled);
    const holder = (repository.claim.mock.calls[0] as unknown[])[3];

    jest.advanceTimersByTime(CLAIM_LEASE_MS);
    expect(repository.renew).toHaveBeenCalledWith([holder], CLAIM_LEASE_MS);

    answer.next({ accepted: true });
    answer.complete();
    await done;
    repository.renew.mockClear();
    jest.advanceTimersByTime(CLAIM_LEASE_MS);
    expect(repository.renew).not.toHaveBeenCalled();
    sut.onApplicationShutdown();
  });
});
