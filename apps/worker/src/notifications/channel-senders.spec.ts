import { EgressPolicy } from '@onewindow/notifications';
import type { OutboxRow } from '@onewindow/persistence';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChannelSenders, WEBHOOK_UNREACHABLE } from './channel-senders';

const row = (address: string): OutboxRow => ({
  id: '1',
  dedupeKey: 'case-1:7:webhook',
  channel: 'webhook',
  recipientId: 'acme-battery',
  requestId: null,
  seq: 7,
  kind: 'decided',
  language: 'en',
  address,
  subject: 'Decided',
  body: 'Your request was decided.',
  payload: {},
  state: 'pending',
  attempts: 0,
  nextAttemptAt: new Date(),
  lastError: null,
  createdAt: new Date(),
  deliveredAt: null,
  readAt: null,
});

describe(ChannelSenders.name, () => {
  let receiver: Server;
  let open: string;
  let closed: string;
  let calls = 0;

  beforeAll(async () => {
    receiver = createServer((_req, res) => {
      calls += 1;
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    open = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    // A port that was free a moment ago: nothing answers there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closed = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/hook`;
    await new Promise((resolve) => probe.close(resolve));
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const send = async (allowed: string[], address: string) => {
    const sut = new ChannelSenders({
      smtpFrom: 'OneWindow <no-reply@city.example>',
      egress: new EgressPolicy(allowed),
    });
    try {
      return await sut.send(row(address), 'whsec_test');
    } finally {
      sut.close();
    }
  };

  it('does not deliver to a loopback receiver, and says only that it was not reached', async () => {
    expect(await send([], open)).toEqual({ ok: false, error: WEBHOOK_UNREACHABLE });
    expect(await send([], open.replace('127.0.0.1', 'localhost'))).toEqual({ ok: false, error: WEBHOOK_UNREACHABLE });
    expect(calls).toBe(0);
  });

  it('reports a closed port exactly as a refused address, so the delivery log maps no network', async () => {
    expect(await send(['127.0.0.1'], closed)).toEqual({ ok: false, error: WEBHOOK_UNREACHABLE });
  });

  it('reports the status a receiver the policy lets through answered', async () => {
    expect(await send(['127.0.0.1'], open)).toEqual({ ok: false, error: 'webhook answered HTTP 404' });
    expect(calls).toBe(1);
  });
});
