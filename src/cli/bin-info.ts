/**
 * What every bin of the package answers to `--help` / `-h` and `--version`, so they all behave alike and exit 0
 * (a user's first call to an unknown tool is `--help`; exiting 2 on it reads as a broken install).
 */
import * as fs from 'fs';
import * as path from 'path';

export const PACKAGE_NAME = 'cdktf-tencentcloud-tcr';

export interface BinDescription {
  /** The bin's name as installed (`tencentcloud-emulator`). */
  readonly name: string;
  /** One line per form of invocation, without the `usage:` prefix. */
  readonly usage: readonly string[];
  /** What it does, in a sentence or two. */
  readonly summary: string;
  /** `[flag, meaning]` rows for the options. */
  readonly options: ReadonlyArray<readonly [string, string]>;
}

export type InfoRequest = 'help' | 'version';

/** A wrong command line: the bins exit 2 for it (1 for a failure of the work itself). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `help` when any argument is --help or -h, else `version` for --version; undefined for a normal run. */
export function infoRequest(argv: readonly string[]): InfoRequest | undefined {
  if (argv.some((a) => a === '--help' || a === '-h')) return 'help';
  if (argv.includes('--version')) return 'version';
  return undefined;
}

export function usageText(bin: BinDescription): string {
  return bin.usage.map((u, i) => `${i === 0 ? 'usage: ' : '       '}${bin.name} ${u}`).join('\n');
}

export function helpText(bin: BinDescription): string {
  const width = Math.max(...bin.options.map(([flag]) => flag.length), '-h, --help'.length);
  const rows = [...bin.options, ['-h, --help', 'show this help and exit'], ['--version', 'print the version and exit']] as const;
  return [
    usageText(bin),
    '',
    bin.summary,
    '',
    'options:',
    ...rows.map(([flag, meaning]) => `  ${flag.padEnd(width)}  ${meaning}`),
    '',
    `${PACKAGE_NAME} ${packageVersion()}`,
  ].join('\n');
}

/**
 * The version in the package's own package.json, found by walking up from this file: the same code runs from
 * src/ (tests), lib/ (compiled) and bundle/ (esbuild), each at a different depth below it.
 */
export function packageVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      if (pkg.name === PACKAGE_NAME) return String(pkg.version);
    }
    if (path.dirname(dir) === dir) throw new Error(`package.json of ${PACKAGE_NAME} not found above ${from}`);
  }
}

/** Writes the help or version text for `argv` and returns true, or returns false for a normal run. */
export function answerInfoRequest(bin: BinDescription, argv: readonly string[], out: (text: string) => void): boolean {
  const request = infoRequest(argv);
  if (request === undefined) return false;
  out(request === 'help' ? helpText(bin) : `${bin.name} ${packageVersion()}`);
  return true;
}
