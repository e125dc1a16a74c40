import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { installPlugin, prunePluginBuilds } from '../../tfprovider/harness/terraform';
import { MAGIC_COOKIE_VALUE } from '../../tfprovider/server';
import { generateServerCertificate } from '../../tfprovider/tls';

const protoDir = path.join(__dirname, '..', '..', 'tfprovider', 'proto');
const pkg: any = grpc.loadPackageDefinition(protoLoader.loadSync(['tfplugin6.proto', 'go-plugin.proto'].map((f) => path.join(protoDir, f)), {
  keepCase: false, longs: Number, enums: String, defaults: true, oneofs: true,
}));

function call(client: any, method: string, req: object): Promise<any> {
  return new Promise((resolve, reject) => client[method](req, (err: any, res: any) => (err ? reject(err) : resolve(res))));
}

describe('go-plugin handshake of the bundled plugin', () => {
  test('prints one handshake line, serves mutual TLS with the SAN localhost cert, shuts down on request', async () => {
    const plugin = installPlugin();
    const clientCert = generateServerCertificate();
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [plugin.bundle], {
      env: { ...process.env, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: clientCert.certPem, TFPROVIDER_LOG_FILE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const line = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (b: Buffer) => {
        buf += b.toString();
        if (buf.includes('\n')) resolve(buf);
      });
      child.on('exit', (code) => reject(new Error(`plugin exited ${code}`)));
    });
    const handshakeMs = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(`plugin start to handshake: ${handshakeMs.toFixed(0)} ms\n`);
    expect(line.split('\n').filter(Boolean)).toHaveLength(1);
    const [core, proto, network, address, kind, cert] = line.trim().split('|');
    expect([core, proto, network, kind]).toEqual(['1', '6', 'unix', 'grpc']);
    expect(cert).not.toMatch(/=$/);
    const serverDer = Buffer.from(cert, 'base64');
    const serverPem = `-----BEGIN CERTIFICATE-----\n${serverDer.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

    const creds = grpc.credentials.createSsl(Buffer.from(serverPem), Buffer.from(clientCert.keyPem), Buffer.from(clientCert.certPem));
    const opts = { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' };
    const providerClient = new pkg.tfplugin6.Provider(`unix://${address}`, creds, opts);
    const schema = await call(providerClient, 'GetProviderSchema', {});
    expect(Object.keys(schema.resourceSchemas)).toContain('tencentcloud_tcr_service_account');
    expect(schema.provider.block.attributes.find((a: any) => a.name === 'secret_key').sensitive).toBe(true);
    const stop = await call(providerClient, 'StopProvider', {});
    expect(stop.Error).toBe('');
    // Ctrl-C reaches the whole process group; like go-plugin servers, the plugin leaves it to terraform.
    child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 200));
    expect((await call(providerClient, 'GetProviderSchema', {})).diagnostics).toEqual([]);

    // A client without the certificate terraform announced is refused.
    const stranger = generateServerCertificate();
    const strangerClient = new pkg.tfplugin6.Provider(`unix://${address}`,
      grpc.credentials.createSsl(Buffer.from(serverPem), Buffer.from(stranger.keyPem), Buffer.from(stranger.certPem)), opts);
    await expect(call(strangerClient, 'GetProviderSchema', {})).rejects.toThrow();
    strangerClient.close();

    const controller = new pkg.plugin.GRPCController(`unix://${address}`, creds, opts);
    await call(controller, 'Shutdown', {});
    expect(await exited).toBe(0);
    providerClient.close();
    controller.close();
  });

  test('refuses to run without the magic cookie', async () => {
    const plugin = installPlugin();
    const child = spawn(process.execPath, [plugin.bundle], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/This binary is a plugin/);
  });
});

test('plugin builds of other sources unused for a day are pruned, recent ones kept', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-standin-prune-'));
  try {
    const old = new Date(Date.now() - 2 * 24 * 3600_000);
    for (const name of ['tf-standin-plugin-old', 'tf-standin-plugin-recent', 'tf-standin-plugin-current']) {
      fs.mkdirSync(path.join(dir, name, 'bin'), { recursive: true });
      fs.writeFileSync(path.join(dir, name, 'complete'), '');
    }
    fs.mkdirSync(path.join(dir, 'tf-standin-plugin-x.staging-abc'));
    fs.writeFileSync(path.join(dir, 'unrelated'), '');
    for (const name of ['tf-standin-plugin-old/complete', 'tf-standin-plugin-current/complete', 'tf-standin-plugin-x.staging-abc', 'unrelated']) {
      fs.utimesSync(path.join(dir, name), old, old);
    }
    expect(prunePluginBuilds(dir, 'tf-standin-plugin-current').sort()).toEqual(['tf-standin-plugin-old', 'tf-standin-plugin-x.staging-abc']);
    expect(fs.readdirSync(dir).sort()).toEqual(['tf-standin-plugin-current', 'tf-standin-plugin-recent', 'unrelated']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
