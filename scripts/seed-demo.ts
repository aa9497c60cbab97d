// Demo data: a few requests from the seeded applicants, submitted through the public API like any other.
const DEMO_REQUESTS = [
  {
    applicant: 'acme-battery',
    body: {
      definitionKey: 'building-permit',
      title: 'Battery cell plant, production hall A',
      attributes: { floorAreaM2: 24000, inspectionRequired: true },
    },
  },
  {
    applicant: 'volta-grid',
    body: { definitionKey: 'building-permit', title: 'Warehouse extension', attributes: { floorAreaM2: 3200 } },
  },
];

/**
 * Submits each demo request its applicant does not have yet (by title), each with an Idempotency-Key of
 * its own, so any number of starts — or two at once — leave one of each; returns how many it submitted.
 */
export async function seedDemoData(apiUrl: string): Promise<number> {
  const token = async (username: string) => {
    const res = await fetch(`${apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    if (!res.ok) throw new Error(`demo login failed for ${username}: ${res.status}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  let submitted = 0;
  for (const [index, { applicant, body }] of DEMO_REQUESTS.entries()) {
    const authorization = `Bearer ${await token(applicant)}`;
    const mine = await fetch(`${apiUrl}/requests?pageSize=100`, { headers: { authorization } });
    if (!mine.ok) throw new Error(`demo list failed for ${applicant}: ${mine.status}`);
    const page = (await mine.json()) as { items: Array<{ title: string }> };
    if (page.items.some((request) => request.title === body.title)) continue;
    const res = await fetch(`${apiUrl}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, 'idempotency-key': `demo-seed-${index + 1}` },
      body: JSON.stringify(body),
    });
    if (res.status !== 202) throw new Error(`demo submit failed: ${res.status} ${await res.text()}`);
    submitted += 1;
  }
  return submitted;
}
