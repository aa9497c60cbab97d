import { Agent, request } from 'node:http';

export interface HttpResponse<T> {
  status: number;
  body: T;
}

const TIMEOUT_MS = 30_000;

/** A small JSON client over keep-alive connections: less overhead in the load generator than fetch. */
export class HttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly url: URL;
  calls = 0;

  constructor(baseUrl: string) {
    this.url = new URL(baseUrl);
  }

  /** A bearer token for a demo user, fetched once. */
  token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      token = this.send<{ accessToken: string }>('POST', '/auth/login', { body: { username } }).then((res) => {
        if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}`);
        return res.body.accessToken;
      });
      this.tokens.set(username, token);
    }
    return token;
  }

  async as<T>(username: string, method: string, path: string, body?: unknown): Promise<HttpResponse<T>> {
    return this.send<T>(method, path, { token: await this.token(username), body });
  }

  send<T>(method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<HttpResponse<T>> {
    this.calls += 1;
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const req = request(
        { host: this.url.hostname, port: this.url.port, method, path, headers, agent: this.agent, timeout: TIMEOUT_MS },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T });
            } catch {
              reject(new Error(`${method} ${path} answered ${res.statusCode} with non-JSON: ${text.slice(0, 200)}`));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out after ${TIMEOUT_MS} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
