#!/usr/bin/env node
/**
 * `tencentcloud-emulator --port 4566 [--host 127.0.0.1] [--state file] [--admin-port N] [--admin-token-file f]
 *  [--secret-key-file f] [--quiet]`
 *
 * Prints the endpoint and the root account's SecretId. The SecretKey is never printed: `--secret-key-file`
 * writes it (mode 0600) for scripts that need it. The admin token likewise goes to `--admin-token-file`.
 * Exits cleanly on SIGINT/SIGTERM.
 */
import * as fs from 'fs';
import { EmulatorHandle, startEmulator } from './index';
import { BinDescription, answerInfoRequest, usageText } from '../cli/bin-info';

export interface CliArgs {
  port: number;
  host: string;
  state?: string;
  adminPort?: number;
  adminTokenFile?: string;
  secretKeyFile?: string;
  quiet: boolean;
}

export const EMULATOR_BIN: BinDescription = {
  name: 'tencentcloud-emulator',
  usage: ['[--port 4566] [--host 127.0.0.1] [--state FILE] [--admin-port N --admin-token-file FILE] [--secret-key-file FILE] [--quiet]'],
  summary: 'Runs a local Tencent Cloud API 3.0 endpoint (TCR, SSM, CAM, STS) with TC3 signature checks and CAM evaluation.\n'
    + 'Prints the endpoint and the root SecretId; the SecretKey and the admin token only ever go to files.',
  options: [
    ['--port N', 'API port (0 picks a free one; default 4566)'],
    ['--host ADDR', 'address to listen on (default 127.0.0.1)'],
    ['--state FILE', 'JSON state file, loaded if it exists and rewritten after every change (shareable between processes)'],
    ['--admin-port N', 'also serve the admin API (state, clock, faults, accounts) on this port; needs --admin-token-file'],
    ['--admin-token-file FILE', 'write the admin bearer token to FILE (mode 0600)'],
    ['--secret-key-file FILE', 'write the root account\'s SecretKey to FILE (mode 0600)'],
    ['--quiet', 'no request log on stdout'],
  ],
};

export const USAGE = usageText(EMULATOR_BIN);

function portValue(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`${flag} needs a port number from 0 to 65535, got ${JSON.stringify(value)}`);
  }
  return n;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { port: 4566, host: '127.0.0.1', quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': args.port = portValue(flag, argv[++i]); break;
      case '--admin-port': args.adminPort = portValue(flag, argv[++i]); break;
      case '--host': args.host = value(); break;
      case '--state': args.state = value(); break;
      case '--admin-token-file': args.adminTokenFile = value(); break;
      case '--secret-key-file': args.secretKeyFile = value(); break;
      case '--quiet': args.quiet = true; break;
      default: throw new Error(`unknown argument ${JSON.stringify(flag)}\n${USAGE}`);
    }
  }
  if (args.adminPort !== undefined && args.adminTokenFile === undefined) {
    throw new Error('--admin-port needs --admin-token-file FILE: the admin token is written there, never printed');
  }
  return args;
}

export async function main(argv: readonly string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<EmulatorHandle> {
  const args = parseArgs(argv);
  const handle = await startEmulator({
    port: args.port,
    host: args.host,
    persistPath: args.state,
    adminPort: args.adminPort,
    log: args.quiet ? undefined : out,
  });
  if (args.secretKeyFile) fs.writeFileSync(args.secretKeyFile, `${handle.root.secretKey}\n`, { mode: 0o600 });
  if (args.adminTokenFile && handle.adminToken) fs.writeFileSync(args.adminTokenFile, `${handle.adminToken}\n`, { mode: 0o600 });
  out(`tencentcloud-emulator listening: endpoint=${handle.endpoint} url=${handle.url}`);
  out(`root account: uin=${handle.root.uin} appId=${handle.root.appId} SecretId=${handle.root.secretId}`
    + (args.secretKeyFile ? ` (SecretKey written to ${args.secretKeyFile})` : ' (SecretKey not shown; use --secret-key-file)'));
  if (handle.adminUrl) out(`admin: ${handle.adminUrl} (bearer token written to ${args.adminTokenFile})`);
  return handle;
}

/* istanbul ignore next: exercised by the CLI test in a child process */
if (require.main === module) {
  if (answerInfoRequest(EMULATOR_BIN, process.argv.slice(2), (text) => process.stdout.write(`${text}\n`))) process.exit(0);
  main(process.argv.slice(2)).then((handle) => {
    const stop = (signal: string) => {
      process.stdout.write(`received ${signal}, stopping\n`);
      handle.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  }, (e: Error) => {
    process.stderr.write(`tencentcloud-emulator: ${e.message}\n`);
    process.exit(2);
  });
}
