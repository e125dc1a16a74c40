/**
 * The plugin process: go-plugin handshake, AutoMTLS, and the gRPC services terraform calls
 * (tfplugin6.Provider, plugin.GRPCController, grpc.health.v1.Health).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { PluginLog } from './log';
import type { GoPluginPackage, HealthPackage, ProviderHandlers, Tfplugin6Package } from './protocol';
import { StandInProvider } from './provider';
import { generateServerCertificate } from './tls';

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
const CORE_PROTOCOL_VERSION = 1;
const APP_PROTOCOL_VERSION = 6;

function protoDir(): string {
  const candidates = [path.join(__dirname, 'proto'), path.join(__dirname, '..', 'proto')];
  const dir = candidates.find((d) => fs.existsSync(path.join(d, 'tfplugin6.proto')));
  if (!dir) throw new Error(`tfplugin6.proto not found in ${candidates.join(', ')}`);
  return dir;
}

type PluginPackages = Tfplugin6Package & GoPluginPackage & HealthPackage;

function loadServices(): PluginPackages {
  const dir = protoDir();
  const def = protoLoader.loadSync(['tfplugin6.proto', 'go-plugin.proto', 'health.proto'].map((f) => path.join(dir, f)), {
    keepCase: false, longs: Number, enums: String, defaults: true, oneofs: true,
  });
  // The generated ProtoGrpcType types describe exactly what loadPackageDefinition builds from these files.
  return grpc.loadPackageDefinition(def) as unknown as PluginPackages;
}

function unary<Req, Res>(fn: (req: Req) => Res | Promise<Res>, log: PluginLog, name: string): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    Promise.resolve()
      .then(() => fn(call.request))
      .then((res) => callback(null, res))
      .catch((e: unknown) => {
        log.error(`${name}: ${e instanceof Error ? String(e.stack ?? e) : String(e)}`);
        callback({ code: grpc.status.INTERNAL, details: `${name}: ${e instanceof Error ? e.message : String(e)}` });
      });
  };
}

export interface ServeOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Where the handshake line goes (stdout in the real plugin). */
  readonly out?: (line: string) => void;
  readonly exit?: (code: number) => void;
}

/** Starts the plugin server and prints the handshake line. Resolves with a function that stops it. */
export async function serve(options: ServeOptions = {}): Promise<() => Promise<void>> {
  const env = options.env ?? process.env;
  const log = new PluginLog(env.TFPROVIDER_LOG_FILE);
  const exit = options.exit ?? ((code: number) => process.exit(code));
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    throw new Error('This binary is a plugin. These are not meant to be executed directly. Please execute the program that consumes these plugins, which will load any plugins automatically');
  }
  const versions = (env.PLUGIN_PROTOCOL_VERSIONS ?? String(APP_PROTOCOL_VERSION)).split(',').map((v) => Number(v.trim()));
  if (!versions.includes(APP_PROTOCOL_VERSION)) {
    throw new Error(`terraform offers plugin protocol versions ${versions.join(',')}; this provider speaks only ${APP_PROTOCOL_VERSION}`);
  }

  const pkg = loadServices();
  const provider = new StandInProvider({ log, env });
  const server = new grpc.Server();

  const p = provider;
  const impl: ProviderHandlers = {
    GetProviderSchema: unary(() => p.GetProviderSchema(), log, 'GetProviderSchema'),
    ValidateProviderConfig: unary((req) => p.ValidateProviderConfig(req), log, 'ValidateProviderConfig'),
    ValidateResourceConfig: unary((req) => p.ValidateResourceConfig(req), log, 'ValidateResourceConfig'),
    ValidateDataResourceConfig: unary(() => p.ValidateDataResourceConfig(), log, 'ValidateDataResourceConfig'),
    ValidateEphemeralResourceConfig: unary(() => p.ValidateEphemeralResourceConfig(), log, 'ValidateEphemeralResourceConfig'),
    UpgradeResourceState: unary((req) => p.UpgradeResourceState(req), log, 'UpgradeResourceState'),
    ConfigureProvider: unary((req) => p.ConfigureProvider(req), log, 'ConfigureProvider'),
    ReadResource: unary((req) => p.ReadResource(req), log, 'ReadResource'),
    PlanResourceChange: unary((req) => p.PlanResourceChange(req), log, 'PlanResourceChange'),
    ApplyResourceChange: unary((req) => p.ApplyResourceChange(req), log, 'ApplyResourceChange'),
    ImportResourceState: unary((req) => p.ImportResourceState(req), log, 'ImportResourceState'),
    ReadDataSource: unary((req) => p.ReadDataSource(req), log, 'ReadDataSource'),
    GetFunctions: unary(() => p.GetFunctions(), log, 'GetFunctions'),
    StopProvider: unary(() => p.StopProvider(), log, 'StopProvider'),
  };
  let stopping = false;
  const shutdown = (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`shutting down (${why})`);
    server.tryShutdown(() => exit(0));
    // Never linger: terraform waits for the process to exit.
    setTimeout(() => exit(0), 500).unref();
  };
  server.addService(pkg.tfplugin6.Provider.service, impl);
  server.addService(pkg.plugin.GRPCController.service, {
    Shutdown: (_call: unknown, callback: grpc.sendUnaryData<object>) => {
      callback(null, {});
      setImmediate(() => shutdown('GRPCController/Shutdown'));
    },
  });
  server.addService(pkg.grpc.health.v1.Health.service, {
    Check: (_call: unknown, callback: grpc.sendUnaryData<object>) => callback(null, { status: 'SERVING' }),
  });

  let certField = '';
  let credentials = grpc.ServerCredentials.createInsecure();
  const clientCert = env.PLUGIN_CLIENT_CERT;
  if (clientCert && env.TF_DISABLE_PLUGIN_TLS !== '1') {
    const cert = generateServerCertificate();
    // Mutual TLS: the only client accepted is the one whose certificate terraform passed in the environment.
    const keyPair = { cert_chain: Buffer.from(cert.certPem), private_key: Buffer.from(cert.keyPem) };
    credentials = grpc.ServerCredentials.createSsl(Buffer.from(clientCert), [keyPair], true);
    certField = cert.handshakeCert;
  }

  const socketDir = fs.mkdtempSync(path.join(env.TMPDIR ?? os.tmpdir(), 'tf-standin-'));
  const socket = path.join(socketDir, 'plugin.sock');
  await new Promise<void>((resolve, reject) => {
    server.bindAsync(`unix://${socket}`, credentials, (err) => (err ? reject(err) : resolve()));
  });
  const onSigint = () => log.info('SIGINT received; waiting for StopProvider/Shutdown from terraform');
  process.on('SIGINT', onSigint);
  // terraform killed (SIGKILL, a test timeout) never calls Shutdown: without this the plugin would serve forever
  // as an orphan. Re-parenting is the sign that terraform is gone.
  const parent = process.ppid;
  const orphanWatch = setInterval(() => {
    if (process.ppid !== parent) shutdown(`parent process ${parent} went away`);
  }, 1000);
  orphanWatch.unref();
  // SIGTERM (a harness timeout, a process manager) would end node without 'exit' handlers: shut down instead,
  // so the socket dir is removed.
  const onSigterm = () => shutdown('SIGTERM');
  process.once('SIGTERM', onSigterm);
  const cleanup = () => {
    try {
      fs.rmSync(socketDir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  };
  process.once('exit', cleanup);

  // Last: terraform may signal the plugin as soon as it has read this line, so every handler is in place before.
  const line = `${CORE_PROTOCOL_VERSION}|${APP_PROTOCOL_VERSION}|unix|${socket}|grpc|${certField}`;
  (options.out ?? ((l: string) => process.stdout.write(`${l}\n`)))(line);
  log.info(`serving on ${socket} (tls: ${certField ? 'mutual' : 'off'})`);
  return async () => {
    process.off('SIGINT', onSigint);
    clearInterval(orphanWatch);
    process.off('SIGTERM', onSigterm);
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    cleanup();
  };
}
