import { startTestApi, TestApi } from '../support/test-api';
import streetWorks from '../../definitions/street-works-permit.definition.json';

interface FieldError {
  field: string;
  messages: string[];
}

describe('request attributes declared by each definition as a JSON Schema', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const as = async (user: string) => ({ authorization: `Bearer ${await api.login(user)}` });
  const requestCount = async () =>
    (await api.env.db.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM requests'))[0].n;
  const submit = async (definitionKey: string, attributes: Record<string, unknown>) =>
    api.http
      .post('/requests')
      .set(await as('acme-battery'))
      .send({ definitionKey, title: 'Hall B', attributes });

  it('exposes the schema in the definitions API for the form to render from', async () => {
    const res = await api.http
      .get('/definitions')
      .set(await as('acme-battery'))
      .expect(200);
    const permit = (res.body as Array<{ key: string; attributesSchema?: Record<string, unknown> }>).find(
      (d) => d.key === 'building-permit',
    );
    expect(permit?.attributesSchema).toMatchObject({
      type: 'object',
      required: ['floorAreaM2'],
      properties: { floorAreaM2: { type: 'number', title: 'Gross floor area (m²)' } },
    });
  });

  it('refuses attributes the schema rejects with a 422 naming each field, and records nothing', async () => {
    const before = await requestCount();

    const wrong = await submit('building-permit', { floorAreaM2: -5, colour: 'red' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'UNPROCESSABLE', correlationId: expect.any(String) });
    const fields = (wrong.body as { details: { fields: FieldError[] } }).details.fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'attributes.floorAreaM2', messages: ['must be > 0'] },
        { field: 'attributes.colour', messages: ['is not an attribute of this kind of request'] },
      ]),
    );

    const missing = await submit('land-use', { development: 'huge' });
    expect(missing.status).toBe(422);
    expect((missing.body as { details: { fields: FieldError[] } }).details.fields).toEqual([
      { field: 'attributes.development', messages: ['must be one of "minor", "major"'] },
    ]);
    const none = await submit('grid-connection', {});
    expect((none.body as { details: { fields: FieldError[] } }).details.fields).toEqual([
      { field: 'attributes.loadKw', messages: ['is required'] },
    ]);

    expect(await requestCount()).toBe(before);
    expect((await submit('building-permit', { floorAreaM2: 1200, inspectionRequired: true })).status).toBe(202);
  });

  it('refuses to publish a definition whose attribute schema is faulty, naming each place', async () => {
    const broken = {
      ...streetWorks,
      version: 70,
      attributesSchema: {
        ...streetWorks.attributesSchema,
        properties: { ...streetWorks.attributesSchema.properties, excavationLengthM: { type: 'float' } },
        required: ['streetName', 'depth'],
      },
    };
    const refused = await api.http
      .post('/definitions')
      .set(await as('admin'))
      .send({ definition: broken });

    expect(refused.status).toBe(422);
    expect((refused.body as { details: { faults: unknown[] } }).details.faults).toEqual([
      {
        path: 'attributesSchema.properties.excavationLengthM.type',
        message: 'must be one of string, number, integer, boolean (got "float")',
      },
      { path: 'attributesSchema.required[1]', message: "'depth' is not among the properties" },
    ]);
  });
});
