#!/usr/bin/env node
/**
 * `tcr-local deploy|plan|destroy [--stack NAME] [--keep] [--endpoint URL] [--skip-synth] [--port N] [--dir DIR]`
 * and `tcr-local env`: users' own cdktf stacks through the real terraform, the provider stand-in and the emulator,
 * in the spirit of LocalStack's tflocal.
 */
import * as path from 'path';
import { LocalCommand, WORK_DIR_NAME, readKeptEndpoint, runLocal, startLocal } from './local-run';
import { StandInPlugin, packagedStandIn } from './terraform';
import { BinDescription, UsageError, answerInfoRequest, usageText } from '../cli/bin-info';

export const TCR_LOCAL_BIN: BinDescription = {
  name: 'tcr-local',
  usage: [
    'deploy|plan|destroy [--stack NAME] [--keep] [--endpoint URL] [--skip-synth] [--port N] [--dir DIR]',
    'start [--port N] [--dir DIR]',
    'env [--dir DIR]',
  ],
  summary: [
    'Runs a cdktf app\'s stack with the real terraform against a local Tencent Cloud emulator, offline:',
    'synthesizes it (cdktf.json "app"), starts the embedded emulator (or uses --endpoint), installs the',
    'tencentcloud provider stand-in through its own CLI config (never ~/.terraformrc) and runs terraform.',
    '  deploy   apply, show the outputs, check a second plan is empty, destroy and check the emulator is clean',
    '  plan     plan only',
    '  destroy  destroy a stack kept by `deploy --keep` (needs --endpoint)',
    '  start    start the emulator and install the stand-in, for your own scripts, until Ctrl-C',
    '  env      print the variables that point terraform, the SDK and tcr-credentials at a kept emulator',
  ].join('\n'),
  options: [
    ['--stack NAME', 'the stack to run (needed when the app has more than one)'],
    ['--keep', 'deploy: leave the stack applied and the emulator running until Ctrl-C'],
    ['--endpoint URL', 'use the emulator at URL (keys from a kept deploy or TENCENTCLOUD_SECRET_ID/_KEY)'],
    ['--skip-synth', 'take the existing cdktf.out/ instead of synthesizing'],
    ['--port N', 'port of the embedded emulator (default: a free one)'],
    ['--dir DIR', 'the cdktf app directory (default: the current directory)'],
  ],
};

export interface TcrLocalArgs {
  readonly command: LocalCommand | 'start' | 'env';
  readonly stack?: string;
  readonly keep: boolean;
  readonly endpoint?: string;
  readonly skipSynth: boolean;
  readonly port?: number;
  readonly dir: string;
}

const COMMANDS = ['deploy', 'plan', 'destroy', 'start', 'env'] as const;

export function parseTcrLocalArgs(argv: readonly string[], cwd: string = process.cwd()): TcrLocalArgs {
  const [command, ...rest] = argv;
  if (!COMMANDS.includes(command as any)) {
    throw new UsageError(`${command === undefined ? 'a command is needed' : `unknown command ${JSON.stringify(command)}`}: one of ${COMMANDS.join(', ')}\n${usageText(TCR_LOCAL_BIN)}`);
  }
  const args: { -readonly [K in keyof TcrLocalArgs]: TcrLocalArgs[K] } = { command: command as TcrLocalArgs['command'], keep: false, skipSynth: false, dir: cwd };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--stack': args.stack = value(); break;
      case '--endpoint': args.endpoint = value(); break;
      case '--dir': args.dir = path.resolve(cwd, value()); break;
      case '--keep': args.keep = true; break;
      case '--skip-synth': args.skipSynth = true; break;
      case '--port': {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port needs a port number from 0 to 65535, got ${JSON.stringify(v)}`);
        args.port = n;
        break;
      }
      default: throw new UsageError(`unknown argument ${JSON.stringify(flag)}\n${usageText(TCR_LOCAL_BIN)}`);
    }
  }
  if (args.keep && args.command !== 'deploy') throw new UsageError(`--keep applies to deploy only, not ${args.command}`);
  if (args.keep && args.endpoint) throw new UsageError('--keep keeps the embedded emulator running; with --endpoint the emulator is not tcr-local\'s to keep');
  if (args.command === 'env' && (args.stack || args.endpoint || args.skipSynth || args.port !== undefined)) {
    throw new UsageError('env takes only --dir: it prints the variables of the emulator kept by `tcr-local deploy --keep` or `start`');
  }
  if (args.command === 'start' && (args.stack || args.endpoint || args.skipSynth)) {
    throw new UsageError('start takes only --port and --dir: it deploys nothing');
  }
  return args;
}

/** Shell `export` lines for the emulator a `deploy --keep` left running; the SecretKey is read from its file. */
export function envLines(appDir: string): string[] {
  const kept = readKeptEndpoint(appDir);
  if (!kept) throw new Error(`no kept emulator in ${appDir}: run \`tcr-local start\` or \`tcr-local deploy --keep\` there first (they write ${WORK_DIR_NAME}/endpoint.json)`);
  const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  return [
    `export TENCENTCLOUD_ENDPOINT_URL=${quote(kept.endpointUrl)}`,
    `export TENCENTCLOUD_SECRET_ID=${quote(kept.secretId)}`,
    `export TENCENTCLOUD_SECRET_KEY="$(cat ${quote(kept.secretKeyFile)})"`,
    `export TENCENTCLOUD_REGION=${quote(kept.region)}`,
    `export TF_CLI_CONFIG_FILE=${quote(kept.cliConfigFile)}`,
  ];
}

export async function tcrLocalMain(argv: readonly string[], out: (line: string) => void, plugin?: StandInPlugin): Promise<number> {
  const args = parseTcrLocalArgs(argv);
  if (args.command === 'env') {
    envLines(args.dir).forEach(out);
    return 0;
  }
  if (args.command === 'start') {
    await startLocal({ appDir: args.dir, port: args.port, plugin: plugin ?? packagedStandIn(), out });
    return 0;
  }
  const result = await runLocal({
    command: args.command,
    appDir: args.dir,
    stack: args.stack,
    endpoint: args.endpoint,
    keep: args.keep,
    skipSynth: args.skipSynth,
    port: args.port,
    plugin: plugin ?? packagedStandIn(),
    out,
  });
  out(`tcr-local ${args.command} of stack ${result.stack}: ok`);
  return 0;
}

/* istanbul ignore next: the process entry; tcrLocalMain is what the tests call */
if (require.main === module) {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (answerInfoRequest(TCR_LOCAL_BIN, process.argv.slice(2), out)) process.exit(0);
  tcrLocalMain(process.argv.slice(2), out).then((code) => process.exit(code), (e: Error) => {
    process.stderr.write(`tcr-local: ${e.message}\n`);
    process.exit(e instanceof UsageError ? 2 : 1);
  });
}
