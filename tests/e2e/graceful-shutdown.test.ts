import { ApiDriver } from '../support/api-driver';
import { SseReader } from '../support/http-client';
import { startTestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

describe('stopping the API', () => {
  it('finishes the call in flight and ends every event stream with a reconnect hint', async () => {
    const api = await startTestApi();
    const driver = new ApiDriver(api);
    const id = await driver.submitPermit('acme-battery');
    const stream = await SseReader.open(api, `/requests/${id}/events`, await api.login('acme-battery'));
    await stream.next((e) => e.event === 'ready', 'the ready event');
    const queue = await SseReader.open(api, '/work-queue/events', await api.login('clerk-building'));
    await queue.next((e) => e.event === 'ready', 'the ready event of the queue');
    await api.login('clerk-building');

    const key = `shutdown-${id}`;
    const inFlight = driver.decide('clerk-building', id, 'intake', { outcome: 'complete' }, { 'idempotency-key': key });
    // The call is being handled once its key is claimed.
    await eventually(async () => {
      const rows = await api.env.db.query<unknown[]>('SELECT 1 FROM idempotency_keys WHERE key = $1', [key]);
      return rows.length > 0 ? true : undefined;
    }, 'the decision to be in flight');
    await api.close();

    expect((await inFlight).status).toBe(200);
    for (const reader of [stream, queue]) {
      expect(reader.ended).toBe(true);
      expect(reader.events.at(-1)).toMatchObject({ event: 'shutdown', retry: 2000 });
    }
  });
});
