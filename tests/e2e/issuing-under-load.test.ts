import { ApiDriver, IssuedDocument } from '../support/api-driver';
import { eventually } from '../support/test-env';
import { startTestApi, TestApi } from '../support/test-api';

/** More submissions at once than the worker's database pool has connections. */
const AT_ONCE = 16;

/**
 * Every building-permit submission issues a receipt, and receipts of one jurisdiction and year take their
 * numbers from one series, one recording at a time. Recordings that queue for the number hold connections;
 * the one holding the number must still be able to store its renditions, or every case stops.
 */
describe('receipts when many applicants submit at once', () => {
  let api: TestApi;
  let driver: ApiDriver;

  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
  });
  afterAll(() => api?.close());

  it('gives every applicant a receipt of their own, each with its own number', async () => {
    const ids = await Promise.all(
      Array.from({ length: AT_ONCE }, async () => {
        const res = await driver.post('acme-battery', '/requests', {
          definitionKey: 'building-permit',
          title: 'Battery plant, hall A',
          attributes: { floorAreaM2: 1200 },
        });
        expect(res.status).toBe(202);
        return (res.body as { id: string }).id;
      }),
    );

    const receipts = await Promise.all(
      ids.map((id) =>
        eventually(
          async () => {
            const list = (await driver.get('acme-battery', `/requests/${id}/documents/issued`))
              .body as IssuedDocument[];
            return list.find((d) => d.kind === 'receipt');
          },
          `the receipt of ${id}`,
          // The receipts of one series are numbered one at a time, each rendered in two languages while its
          // number is held: on a busy machine the last waits for all the others. A standstill never ends.
          180_000,
        ),
      ),
    );
    expect(new Set(receipts.map((r) => r.number)).size).toBe(AT_ONCE);
    for (const receipt of receipts) expect(receipt.renditions.map((r) => r.language).sort()).toEqual(['en', 'zh-CN']);
  }, 240_000);
});
