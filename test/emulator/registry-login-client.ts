import * as http from 'http';

export interface LoginResponse { status: number; headers: http.IncomingHttpHeaders; body: any }

/**
 * `docker login`'s check against the emulator, as a client resolving `<domain>` to 127.0.0.1 sends it:
 * `GET /v2/` with Host `<domain>` and HTTP Basic credentials (none when `username` is undefined).
 */
export function registryLogin(port: number, domain: string, username?: string, password?: string, path = '/v2/', method = 'GET'): Promise<LoginResponse> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { host: `${domain}:${port}` };
    if (username !== undefined) headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    const req = http.request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}
