import { randomUUID } from 'node:crypto';
import { AddressInfo, connect } from 'node:net';
import { requestIdFor } from '../../apps/api/src/modules/requests/requests.service';
import { ApiDriver } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';

interface Case {
  name: string;
  method?: 'get' | 'post';
  /** `:id` is replaced by an existing request's id. */
  path: string;
  /** A JSON value (sent as application/json) or a raw string with `contentType`. */
  body?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  status: number;
  code?: string;
}

const SUBMIT = '/requests';
const DECIDE = '/requests/:id/steps/intake/decision';
const valid = { definitionKey: 'building-permit', title: 'Hall B', attributes: { floorAreaM2: 1200 } };
const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });

const CASES: Case[] = [
  // Not JSON, or not a JSON object
  {
    name: 'malformed JSON',
    path: SUBMIT,
    raw: '{"title":',
    contentType: 'application/json',
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'JSON with a trailing comma',
    path: SUBMIT,
    raw: '{"title":"x",}',
    contentType: 'application/json',
    status: 400,
  },
  { name: 'a bare JSON string', path: SUBMIT, raw: '"hello"', contentType: 'application/json', status: 400 },
  { name: 'JSON null', path: SUBMIT, raw: 'null', contentType: 'application/json', status: 400 },
  { name: 'an array instead of an object', path: SUBMIT, body: [valid], status: 400 },
  { name: 'text/plain', path: SUBMIT, raw: 'definitionKey=building-permit', contentType: 'text/plain', status: 415 },
  {
    name: 'a form',
    path: SUBMIT,
    raw: 'definitionKey=building-permit&title=x',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
  },
  { name: 'XML', path: SUBMIT, raw: '<request/>', contentType: 'application/xml', status: 415 },
  {
    name: 'a body over 64 kB',
    path: SUBMIT,
    body: { ...valid, title: 'x'.repeat(70_000) },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  { name: 'an empty object', path: SUBMIT, body: {}, status: 400 },
  {
    name: 'UTF-8 bytes declared as UTF-16',
    path: SUBMIT,
    raw: JSON.stringify(valid),
    contentType: 'application/json; charset=utf-16',
    status: 400,
  },
  {
    name: 'an unknown charset',
    path: SUBMIT,
    raw: JSON.stringify(valid),
    contentType: 'application/json; charset=klingon-8',
    status: 415,
  },
  {
    name: 'a gzip body that is not gzip',
    path: SUBMIT,
    raw: JSON.stringify(valid),
    headers: { 'content-encoding': 'gzip' },
    status: 400,
  },
  {
    name: 'an unknown content encoding',
    path: SUBMIT,
    raw: JSON.stringify(valid),
    headers: { 'content-encoding': 'zstd-nonsense' },
    status: 415,
  },
  // Unknown fields and wrong types
  { name: 'an unknown field', path: SUBMIT, body: { ...valid, admin: true }, status: 400 },
  { name: 'title as a number', path: SUBMIT, body: { ...valid, title: 42 }, status: 400 },
  { name: 'title as an object', path: SUBMIT, body: { ...valid, title: { $ne: null } }, status: 400 },
  { name: 'attributes as an array', path: SUBMIT, body: { ...valid, attributes: [1, 2] }, status: 400 },
  { name: 'attributes as a string', path: SUBMIT, body: { ...valid, attributes: 'a=1' }, status: 400 },
  {
    name: 'an attribute holding an object',
    path: SUBMIT,
    body: { ...valid, attributes: { floor: { x: 1 } } },
    status: 400,
  },
  {
    name: 'a huge number (1e400)',
    path: SUBMIT,
    raw: '{"definitionKey":"building-permit","title":"x","attributes":{"floorAreaM2":1e400}}',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'an amount of -1e400',
    path: '/requests/:id/payments',
    raw: '{"stepId":"fee","reference":"R","amount":-1e400}',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'a negative amount',
    path: '/requests/:id/payments',
    body: { stepId: 'fee', reference: 'R', amount: -5 },
    status: 400,
  },
  {
    name: 'a boolean as a string',
    path: '/requests/:id/inspections',
    body: { stepId: 'inspection', passed: 'true' },
    status: 400,
  },
  {
    name: 'items as an object',
    path: '/requests/:id/steps/intake/information-requests',
    body: { items: { id: 'a', description: 'b' } },
    status: 400,
  },
  {
    name: 'an item as an array',
    path: '/requests/:id/steps/intake/information-requests',
    body: { items: [['a', 'b']] },
    status: 400,
  },
  {
    name: 'an item with a bad id',
    path: '/requests/:id/steps/intake/information-requests',
    body: { items: [{ id: '../etc', description: 'b' }] },
    status: 400,
  },
  {
    name: 'a duration as an array',
    path: '/requests/:id/extensions',
    body: { by: [5, 'workingDays'], reason: 'x' },
    status: 400,
  },
  {
    name: 'a duration of 1e9 days',
    path: '/requests/:id/extensions',
    body: { by: { value: 1e9, unit: 'workingDays' }, reason: 'x' },
    status: 400,
  },
  { name: 'conditions as a string', path: DECIDE, body: { outcome: 'complete', conditions: 'none' }, status: 400 },
  { name: '51 conditions', path: DECIDE, body: { outcome: 'complete', conditions: Array(51).fill('c') }, status: 400 },
  { name: 'an empty bulk', path: '/work-queue/decisions', body: { outcome: 'approved', items: [] }, status: 400 },
  {
    name: 'a bulk item with a bad id',
    path: '/work-queue/decisions',
    body: { outcome: 'approved', items: [{ requestId: '1 OR 1=1', stepId: 'x' }] },
    status: 400,
  },
  // Injection strings where keys are expected
  {
    name: 'SQL in the definition key',
    path: SUBMIT,
    body: { ...valid, definitionKey: "x'; DROP TABLE requests;--" },
    status: 400,
  },
  { name: 'SQL in the outcome', path: DECIDE, body: { outcome: "complete' OR '1'='1" }, status: 400 },
  {
    name: 'a path traversal step id',
    path: '/requests/:id/steps/..%2F..%2Fetc/decision',
    body: { outcome: 'complete' },
    status: 400,
  },
  {
    name: 'SQL in the step id',
    path: "/requests/:id/steps/intake'%20OR%201=1/decision",
    body: { outcome: 'complete' },
    status: 400,
  },
  { name: 'an unknown definition', path: SUBMIT, body: { ...valid, definitionKey: 'no-such-process' }, status: 422 },
  // Prototype pollution
  {
    name: '__proto__ at the top',
    path: SUBMIT,
    raw: '{"definitionKey":"building-permit","title":"x","__proto__":{"role":"admin"}}',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'constructor.prototype',
    path: SUBMIT,
    body: { ...valid, constructor: { prototype: { polluted: true } } },
    status: 400,
  },
  {
    name: '__proto__ among attributes',
    path: SUBMIT,
    raw: '{"definitionKey":"building-permit","title":"x","attributes":{"__proto__":{"polluted":true}}}',
    contentType: 'application/json',
    status: 400,
  },
  // Unicode and text edge cases
  { name: 'a NUL character', path: SUBMIT, body: { ...valid, title: 'Hall\u0000B' }, status: 400 },
  { name: 'a NUL in a key', path: SUBMIT, body: { ...valid, ['ti\u0000tle']: 'x' }, status: 400 },
  { name: 'a bell character', path: SUBMIT, body: { ...valid, title: 'Hall\u0007' }, status: 400 },
  {
    name: 'a lone high surrogate',
    path: SUBMIT,
    raw: '{"definitionKey":"building-permit","title":"Hall \\ud800"}',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'a lone low surrogate',
    path: SUBMIT,
    raw: '{"definitionKey":"building-permit","title":"\\udc00 Hall"}',
    contentType: 'application/json',
    status: 400,
  },
  { name: 'a title over 200 characters', path: SUBMIT, body: { ...valid, title: 'é'.repeat(201) }, status: 400 },
  { name: 'a 60 kB reason', path: DECIDE, body: { outcome: 'complete', reason: '✓'.repeat(20_000) }, status: 400 },
  {
    name: 'nesting 1000 deep',
    path: SUBMIT,
    raw: `${'['.repeat(1000)}${']'.repeat(1000)}`,
    contentType: 'application/json',
    status: 400,
  },
  { name: 'nesting 20 deep in attributes', path: SUBMIT, body: { ...valid, attributes: nested(20) }, status: 400 },
  // Path and query parameters
  { name: 'a request id that is not a UUID', method: 'get', path: '/requests/not-a-uuid', status: 400 },
  { name: 'SQL as the request id', method: 'get', path: "/requests/1'%20OR%20'1'='1", status: 400 },
  { name: 'an emoji as the request id', method: 'get', path: '/requests/%F0%9F%98%80', status: 400 },
  {
    name: 'a request that does not exist',
    method: 'get',
    path: '/requests/00000000-0000-4000-8000-000000000000',
    status: 404,
  },
  { name: 'page=abc', method: 'get', path: '/requests?page=abc', status: 400 },
  { name: 'page=1e309', method: 'get', path: '/requests?page=1e309', status: 400 },
  { name: 'page=-1', method: 'get', path: '/requests?page=-1', status: 400 },
  { name: 'pageSize=1000000', method: 'get', path: '/work-queue?pageSize=1000000', status: 400 },
  { name: 'an unknown query parameter', method: 'get', path: '/requests?sort=title', status: 400 },
  {
    name: 'a query parameter as an array',
    method: 'get',
    path: '/requests?status=approved&status=refused',
    status: 400,
  },
  { name: 'a query operator object', method: 'get', path: '/requests?status[$ne]=x', status: 400 },
  { name: 'overdue=maybe', method: 'get', path: '/work-queue?overdue=maybe', status: 400 },
  {
    name: 'an unknown route',
    method: 'get',
    path: '/requests/00000000-0000-4000-8000-000000000000/nothing',
    status: 404,
  },
];

/** Who sends each request: the one role the route is for. */
function callerOf(c: Case): string {
  if (c.path === SUBMIT && c.method !== 'get') return 'acme-battery';
  if (
    c.path.startsWith('/work-queue') ||
    c.path.includes('/steps/') ||
    /payments|inspections|extensions/.test(c.path)
  ) {
    return 'clerk-building';
  }
  return 'auditor';
}

describe('bad input', () => {
  let api: TestApi;
  let driver: ApiDriver;
  let id: string;
  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
    id = await driver.submitPermit('acme-battery');
  });
  afterAll(() => api?.close());

  /**
   * The rows this one call could have written: a request its key would have created, the transitions and
   * open tasks of the request it targets, and its idempotency key. Other test files share the database, so
   * only these are counted.
   */
  const ownRows = async (caller: string, key: string) =>
    (
      await api.env.db.query<Array<Record<string, number>>>(
        `SELECT (SELECT count(*) FROM requests WHERE id = $2)::int AS requests,
                (SELECT count(*) FROM transitions WHERE request_id IN ($1, $2))::int AS transitions,
                (SELECT count(*) FROM open_tasks WHERE request_id IN ($1, $2))::int AS open_tasks,
                (SELECT count(*) FROM idempotency_keys WHERE actor_id = $3 AND key = $4)::int AS keys`,
        [id, requestIdFor(caller, key), caller, key],
      )
    )[0];

  it.each(CASES.map((c) => [c.name, c] as const))('%s: a clear 4xx, nothing written', async (_name, c) => {
    const caller = callerOf(c);
    const key = `bad-${randomUUID()}`;
    const before = await ownRows(caller, key);
    const path = c.path.replace(':id', id);
    let req = (c.method ?? 'post') === 'get' ? api.http.get(path) : api.http.post(path);
    req = req.set(await driver.auth(caller)).set('idempotency-key', key);
    if (c.headers) req = req.set(c.headers);
    if (c.raw !== undefined) req = req.set('content-type', c.contentType ?? 'application/json').send(c.raw);
    else if (c.body !== undefined) req = req.send(c.body as object);
    const res = await req;

    expect(res.status).toBe(c.status);
    expect(res.body).toEqual({
      code: c.code ?? expect.any(String),
      message: expect.any(String),
      correlationId: expect.any(String),
      ...(res.body && (res.body as { details?: unknown }).details !== undefined ? { details: expect.anything() } : {}),
    });
    expect(await ownRows(caller, key)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it('names each field at fault', async () => {
    const res = await driver.post('acme-battery', SUBMIT, { definitionKey: 'Bad Key', title: 7, extra: 1 });
    expect(res.status).toBe(400);
    const fields = (res.body as { details: { fields: Array<{ field: string }> } }).details.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['definitionKey', 'title', 'extra']));
    const nestedRes = await driver.post('clerk-building', `/requests/${id}/steps/intake/information-requests`, {
      items: [{ id: 'ok', description: '' }],
    });
    expect((nestedRes.body as { details: { fields: Array<{ field: string }> } }).details.fields).toEqual([
      expect.objectContaining({ field: 'items.0.description' }),
    ]);
  });

  it.each([
    ['emoji', 'Battery hall 🔋⚡ phase 2 👩🏽‍🔧'],
    ['right-to-left override', 'Hall \u202Egnp.exe'],
    ['Arabic and Hebrew', 'مصنع البطاريات — מפעל'],
    ['SQL as text', "Robert'); DROP TABLE requests;--"],
    ['HTML as text', '<script>alert(1)</script>'],
    ['combining marks at the length limit', 'e\u0301'.repeat(100)],
  ])('stores %s in free text verbatim', async (_name, title) => {
    const res = await driver.post('volta-grid', SUBMIT, { ...valid, title });
    expect(res.status).toBe(202);
    const detail = await driver.get('volta-grid', `/requests/${(res.body as { id: string }).id}`);
    expect((detail.body as { title: string }).title).toBe(title);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });

  it('sends security headers', async () => {
    const res = await api.http.get('/health');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.any(String),
      'content-security-policy': expect.any(String),
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it("answers the HTTP layer's own refusals (431, 414) with the API's error body", async () => {
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const raw = (head: string) =>
      new Promise<{ status: number; body: unknown }>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(head));
        const parts: Buffer[] = [];
        socket.on('data', (c: Buffer) => parts.push(c));
        socket.on('error', reject);
        socket.on('close', () => {
          const text = Buffer.concat(parts).toString('utf8');
          const [top, body] = text.split('\r\n\r\n');
          resolve({ status: Number(top.split(' ')[1]), body: JSON.parse(body) as unknown });
        });
      });
    const huge = await raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toEqual({
      status: 431,
      body: { code: 'HEADERS_TOO_LARGE', message: expect.any(String), correlationId: expect.any(String) },
    });
    const long = await api.http.get(`/requests/${'a'.repeat(3000)}`).set(await driver.auth('auditor'));
    expect(long.status).toBe(414);
    expect(long.body).toEqual({ code: 'URI_TOO_LONG', message: expect.any(String), correlationId: expect.any(String) });
  });
});
