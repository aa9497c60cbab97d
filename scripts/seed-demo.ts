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

/** Submits the demo requests unless the first applicant already has requests; returns how many it submitted. */
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
  const existing = await fetch(`${apiUrl}/requests`, {
    headers: { authorization: `Bearer ${await token(DEMO_REQUESTS[0].applicant)}` },
  });
  if (existing.ok && ((await existing.json()) as unknown[]).length > 0) return 0;

  for (const { applicant, body } of DEMO_REQUESTS) {
    const res = await fetch(`${apiUrl}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(applicant)}` },
      body: JSON.stringify(body),
    });
    if (res.status !== 202) throw new Error(`demo submit failed: ${res.status} ${await res.text()}`);
  }
  return DEMO_REQUESTS.length;
}
