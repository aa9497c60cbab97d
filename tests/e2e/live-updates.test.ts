import { ApiDriver } from '../support/api-driver';
import { SseReader } from '../support/http-client';
import { startTestApi, TestApi } from '../support/test-api';

/** The bound on how long after the decision's response the event may still arrive. */
const WITHIN_MS = 1000;

describe('live updates over Server-Sent Events', () => {
  let api: TestApi;
  let driver: ApiDriver;
  const readers: SseReader[] = [];
  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
  });
  afterAll(async () => {
    readers.forEach((r) => r.close());
    await api?.close();
  });

  const open = async (path: string, user: string) => {
    const reader = await SseReader.open(api, path, await api.login(user));
    readers.push(reader);
    await reader.next((e) => e.event === 'ready', `the ready event of ${path}`);
    return reader;
  };

  it("pushes a clerk's decision to the applicant's stream and the departments' queues within a second", async () => {
    const id = await driver.submitPermit('acme-battery');
    const request = await open(`/requests/${id}/events`, 'acme-battery');
    const fireQueue = await open('/work-queue/events', 'clerk-fire');
    const planningQueue = await open('/work-queue/events', 'clerk-planning');
    expect(request.status).toBe(200);
    const ready = request.events[0].data as { lastSeq: number; status: string };
    expect(ready.status).toBe('in_progress');

    // Measured from before the POST: what the applicant waits for is the clerk's click reaching their page.
    const postedAt = Date.now();
    const decided = await driver.decide('clerk-building', id, 'intake', { outcome: 'complete' });
    expect(decided.status).toBe(200);

    const event = await request.next(
      (e) => e.event === 'transition' && (e.data as { lastSeq: number }).lastSeq > ready.lastSeq,
      'the transition on the request stream',
      5000,
    );
    expect(event.data).toEqual({ requestId: id, lastSeq: expect.any(Number) });
    expect(event.receivedAt - postedAt).toBeLessThan(WITHIN_MS);

    // The fire department now has a review on this request; planning has nothing to do with it.
    const queued = await fireQueue.next(
      (e) => e.event === 'transition' && (e.data as { requestId: string }).requestId === id,
      'the transition on the fire queue',
      5000,
    );
    expect(queued.data).toMatchObject({ requestId: id, departments: expect.arrayContaining(['fire', 'building']) });
    expect(queued.receivedAt - postedAt).toBeLessThan(WITHIN_MS);
    expect(planningQueue.events.filter((e) => e.event === 'transition')).toEqual([]);
  });

  it('does not leak one request into the stream of another', async () => {
    const [mine, other] = await Promise.all([driver.submitPermit('acme-battery'), driver.submitPermit('volta-grid')]);
    const stream = await open(`/requests/${mine}/events`, 'acme-battery');
    await driver
      .decide('clerk-building', other, 'intake', { outcome: 'complete' })
      .then((r) => expect(r.status).toBe(200));
    await driver
      .decide('clerk-building', mine, 'intake', { outcome: 'complete' })
      .then((r) => expect(r.status).toBe(200));
    await stream.next((e) => e.event === 'transition', 'the transition of my request', 5000);
    const requestIds = stream.events
      .filter((e) => e.event === 'transition')
      .map((e) => (e.data as { requestId: string }).requestId);
    expect(new Set(requestIds)).toEqual(new Set([mine]));
  });

  it('refuses a stream without a valid bearer token', async () => {
    const reader = await SseReader.open(api, '/work-queue/events', 'not-a-token');
    readers.push(reader);
    expect(reader.status).toBe(401);
    const clerkElsewhere = await SseReader.open(
      api,
      '/work-queue/events?department=fire',
      await api.login('clerk-building'),
    );
    readers.push(clerkElsewhere);
    expect(clerkElsewhere.status).toBe(403);
  });
});
