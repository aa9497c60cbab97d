import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch } from 'undici';
import { EgressPolicy, isEgressRefusal } from './egress-policy';

describe(EgressPolicy.name, () => {
  const sut = new EgressPolicy();

  describe('at save time', () => {
    it.each([
      'http://127.0.0.1/hook',
      'http://127.1/hook',
      'http://localhost:8080/hook',
      'http://api.localhost/hook',
      'http://[::1]/hook',
      'http://0x7f000001/hook',
      'http://2130706433/hook',
      'http://017700000001/hook',
      'http://0.0.0.0/hook',
      'http://[::]/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.1/hook',
      'http://172.16.5.4/hook',
      'http://192.168.1.1/hook',
      'http://100.64.0.1/hook',
      'http://224.0.0.1/hook',
      'http://255.255.255.255/hook',
      'http://240.0.0.1/hook',
      'http://192.0.2.10/hook',
      'http://[fd00::1]/hook',
      'http://[fe80::1]/hook',
      'http://[ff02::1]/hook',
      'http://[::ffff:169.254.169.254]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[::127.0.0.1]/hook',
      'http://[64:ff9b::a9fe:a9fe]/hook',
      'http://[2002:7f00:1::]/hook',
      'http://[2001:db8::1]/hook',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://metadata/computeMetadata/v1/',
      'http://printer.local/hook',
      'http://router.home.arpa/hook',
      'ftp://hooks.example.com/hook',
      'file:///etc/passwd',
      'https://user:secret@hooks.example.com/hook',
    ])('refuses %s', (url) => {
      expect(sut.refuseUrl(url)).not.toBeNull();
    });

    it.each([
      'https://hooks.example.com/onewindow',
      'http://93.184.215.14/hook',
      'https://[2606:4700::6810:84e5]/hook',
    ])('accepts the public receiver %s', (url) => {
      expect(sut.refuseUrl(url)).toBeNull();
    });

    it('lets an operator list an internal receiver by name, address or range', () => {
      const allowing = new EgressPolicy(['hooks.intranet', '10.20.0.0/16', '::1']);
      expect(allowing.refuseUrl('http://hooks.intranet/hook')).toBeNull();
      expect(allowing.refuseUrl('http://10.20.3.4/hook')).toBeNull();
      expect(allowing.refuseUrl('http://[::1]:9000/hook')).toBeNull();
      expect(allowing.refuseUrl('http://10.21.0.1/hook')).not.toBeNull();
      expect(allowing.refuseUrl('http://169.254.169.254/')).not.toBeNull();
    });
  });

  describe('at connection time', () => {
    let receiver: Server;
    let port: number;
    let received = 0;

    beforeAll(async () => {
      receiver = createServer((_req, res) => {
        received += 1;
        res.writeHead(204).end();
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      port = (receiver.address() as AddressInfo).port;
    });
    afterAll(async () => {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    });

    const post = async (policy: EgressPolicy, url: string) => {
      const dispatcher = policy.dispatcher({ connectTimeoutMs: 5000 });
      try {
        const res = await fetch(url, { method: 'POST', body: '{}', dispatcher });
        return res.status;
      } catch (error) {
        return error;
      } finally {
        await dispatcher.close();
      }
    };

    it('does not connect to a loopback address, however it is written', async () => {
      for (const host of ['127.0.0.1', '0x7f000001', '2130706433', '127.1']) {
        expect(isEgressRefusal(await post(sut, `http://${host}:${port}/hook`))).toBe(true);
      }
      expect(received).toBe(0);
    });

    it('does not connect to a name that resolves to loopback (refused on the resolved address)', async () => {
      // `localhost` resolves through the system's resolver like any other name: the check is on its answer.
      expect(isEgressRefusal(await post(sut, `http://localhost:${port}/hook`))).toBe(true);
      expect(received).toBe(0);
    });

    it('connects to a receiver the operator allowed', async () => {
      expect(await post(new EgressPolicy(['127.0.0.1']), `http://127.0.0.1:${port}/hook`)).toBe(204);
      expect(received).toBe(1);
    });
  });
});
