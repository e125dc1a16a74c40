/**
 * `tcr-credentials`: mints TCR registry credentials at deploy time and delivers them to a secret store (Tencent
 * SSM or a file) so that Terraform state never holds them. The credential constructs run it from `local-exec`
 * provisioners; people run `rotate` and `audit` from cron, CI schedules and Kubernetes CronJobs.
 */
import { parseArgs, ParseArgsConfig } from 'util';
import { credentialsFromEnv, DEFAULT_RETRY, TencentApi } from './api';
import { audit, auditTable } from './audit';
import { ExitCode, exitCodeOf, UsageError } from './errors';
import {
  bareServiceAccountName, createToken, deleteCredential, OperationContext, publishServiceAccount, rotateOne, TokenListCache,
} from './operations';
import { Redactor } from './redact';
import { openStore } from './stores';
import { packageVersion } from '../cli/bin-info';
import {
  checkCredentialDescription, checkInstanceId, checkKmsKeyId, checkOwner, checkRecoveryWindowDays,
  checkRegistryDomain, checkTokenType, OWNER_TAG_KEY,
} from '../validation/credential-rules';
import { checkServiceAccountName, checkSecretName, SSM_LIMITS } from '../validation/name-rules';

export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const EXIT_CODES = `Exit codes:
  0        success
  1        an API call or a secret-store operation failed (after retries); the message names the action,
           the error code and the request id
  2        usage error: unknown command or flag, missing or invalid value, missing credentials
  3        conflict: the secret exists but belongs to another owner or was not written by tcr-credentials
  101-200  rotate: 100 + the number of secrets that failed (capped at 200)`;

const ENVIRONMENT = `Environment:
  TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY   API key of the caller (required)
  TENCENTCLOUD_SECURITY_TOKEN                       STS token, for temporary keys (the provider's name;
  TENCENTCLOUD_SESSION_TOKEN                        the SDK's name is read too, the former wins)
  TENCENTCLOUD_REGION                               region, unless --region is given
  TENCENTCLOUD_ENDPOINT_URL                         send every call to this endpoint (e.g. http://127.0.0.1:4566)`;

const COMMON_HELP = `Common flags:
  --region <region>          default: $TENCENTCLOUD_REGION
  --timeout <seconds>        per-request timeout (default 30)
  --retry-budget <seconds>   stop retrying after this long (default 60); throttling, InternalError, HTTP 5xx
                             and network errors are retried with exponential backoff and jitter
  --debug                    one line per API attempt on stderr (action, outcome, request id; never a value)
  -h, --help                 this help`;

const COMMON_OPTIONS: ParseArgsConfig['options'] = {
  'region': { type: 'string' },
  'timeout': { type: 'string' },
  'retry-budget': { type: 'string' },
  'debug': { type: 'boolean' },
  'help': { type: 'boolean', short: 'h' },
};

interface Command {
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly run: (flags: Flags, ctx: () => OperationContext, io: CliIo) => Promise<number>;
}

type Flags = Record<string, string | boolean | string[] | undefined>;

function str(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}

function required(flags: Flags, name: string): string {
  const v = str(flags, name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

function checked(flags: Flags, name: string, check: (v: string) => string | undefined, fallback?: string): string {
  const v = str(flags, name) ?? fallback;
  if (v === undefined) throw new UsageError(`--${name} is required`);
  const problem = check(v);
  if (problem) throw new UsageError(`--${name} has value "${v}", which ${problem}`);
  return v;
}

function integer(flags: Flags, name: string, fallback: number, min: number, max: number, unit: string): number {
  const raw = str(flags, name);
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || v < min || v > max) {
    throw new UsageError(`--${name} has value "${raw}", which must be a number of ${unit} from ${min} to ${max}`);
  }
  return v;
}

function keepVersions(flags: Flags): number {
  const v = integer(flags, 'keep-versions', 5, 2, SSM_LIMITS.versionsPerSecret, 'versions');
  if (!Number.isInteger(v)) throw new UsageError(`--keep-versions has value "${v}", which must be a whole number`);
  return v;
}

function ownerOf(flags: Flags, storeSpec: string): string {
  return checked(flags, 'owner', checkOwner, `cli:${storeSpec}`);
}

function print(io: CliIo, ctx: OperationContext, value: unknown): void {
  io.stdout(ctx.redactor.redact(JSON.stringify(value, null, 2)) + '\n');
}

const STORE_HELP = '--store ssm:<secret>|file:<path>   where the credential goes (file: mode 0600, in a directory only you can write)';

const COMMANDS: Record<string, Command> = {
  'token create': {
    usage: `tcr-credentials token create --instance-id <tcr-id> --registry-domain <host> --store ssm:<secret>|file:<path>
    [--type longterm|temp] [--description <text>] [--kms-key-id <id>] [--owner <label>] [--keep-versions <n>]

Mints an instance token (CreateInstanceToken) and writes it to the store as a ready .dockerconfigjson; prints only
metadata (token id, user name, expiry, secret and version). Idempotent per owner: a live stored token is reused,
and a token with the owner's marker that no secret points at (an interrupted run) is deleted. If the write
fails, the token just minted is deleted before exiting 1.

  --instance-id <id>        TCR instance id (tcr-xxxxxxxx)
  --registry-domain <host>  registry host the credential logs in to, e.g. acme.tencentcloudcr.com
  ${STORE_HELP}
  --type longterm|temp      long-term access credential (default) or a 1-hour temporary token
  --description <text>      token description (the owner marker is appended)
  --kms-key-id <id>         SSM: KMS key that encrypts the secret (default: the SSM default key)
  --owner <label>           owner marker source, e.g. <stack>/<construct path> (default: cli:<store>)
  --keep-versions <n>       SSM versions kept after a write, 2-10 (default 5)`,
    options: {
      'instance-id': { type: 'string' },
      'registry-domain': { type: 'string' },
      'store': { type: 'string' },
      'type': { type: 'string' },
      'description': { type: 'string' },
      'kms-key-id': { type: 'string' },
      'owner': { type: 'string' },
      'keep-versions': { type: 'string' },
    },
    run: async (flags, ctx, io) => {
      const instanceId = checked(flags, 'instance-id', checkInstanceId);
      const registry = checked(flags, 'registry-domain', checkRegistryDomain);
      const tokenType = checked(flags, 'type', checkTokenType, 'longterm') as 'longterm' | 'temp';
      const description = checked(flags, 'description', checkCredentialDescription, '');
      const kmsKeyId = str(flags, 'kms-key-id') ? checked(flags, 'kms-key-id', checkKmsKeyId) : undefined;
      const keep = keepVersions(flags);
      const c = ctx();
      const store = openStore(required(flags, 'store'), () => c.api);
      const owner = ownerOf(flags, store.spec);
      print(io, c, await createToken(c, store, { instanceId, registry, tokenType, owner, description, kmsKeyId, keepVersions: keep }));
      return ExitCode.OK;
    },
  },
  'token delete': {
    usage: `tcr-credentials token delete --store ssm:<secret>|file:<path> [--instance-id <tcr-id>] [--owner <label>]
    [--recovery-window-days <0-30>]

Deletes the long-term token recorded in the secret (and any still in their rotation grace period), then the
secret. Already gone counts as success. With --owner, refuses to delete another owner's secret, and also deletes
that owner's orphaned tokens (needs --instance-id when the secret is already gone).

  ${STORE_HELP}
  --instance-id <id>              instance to sweep for orphans when the secret is gone
  --owner <label>                 expected owner
  --recovery-window-days <n>      SSM: 0 deletes at once (default), 1-30 schedules the deletion`,
    options: {
      'store': { type: 'string' },
      'instance-id': { type: 'string' },
      'owner': { type: 'string' },
      'recovery-window-days': { type: 'string' },
    },
    run: (flags, ctx, io) => deleteCommand(flags, ctx, io),
  },
  'service-account publish': {
    usage: `tcr-credentials service-account publish --instance-id <tcr-id> --registry-domain <host> --name <account>
    --store ssm:<secret>|file:<path> [--owner <label>] [--kms-key-id <id>] [--keep-versions <n>]

Resets the service account's password (ModifyServiceAccountPassword, random) and writes it to the store as a
.dockerconfigjson with user name tcr$<name> (the tcr@<name> form as ciUsername). The password the provider put
in Terraform state at creation is dead afterwards. A repeated run for the same account (same creation time)
resets nothing.

  --instance-id <id>        TCR instance id
  --registry-domain <host>  registry host, e.g. acme.tencentcloudcr.com
  --name <account>          service-account name, without or with the tcr$ prefix
  ${STORE_HELP}
  --owner <label>           owner marker source (default: cli:<store>)
  --kms-key-id <id>         SSM: KMS key that encrypts the secret
  --keep-versions <n>       SSM versions kept after a write, 2-10 (default 5)`,
    options: {
      'instance-id': { type: 'string' },
      'registry-domain': { type: 'string' },
      'name': { type: 'string' },
      'store': { type: 'string' },
      'owner': { type: 'string' },
      'kms-key-id': { type: 'string' },
      'keep-versions': { type: 'string' },
    },
    run: async (flags, ctx, io) => {
      const instanceId = checked(flags, 'instance-id', checkInstanceId);
      const registry = checked(flags, 'registry-domain', checkRegistryDomain);
      const name = bareServiceAccountName(required(flags, 'name'));
      const problem = checkServiceAccountName(name);
      if (problem) throw new UsageError(`--name has value "${str(flags, 'name')}", which ${problem}`);
      const kmsKeyId = str(flags, 'kms-key-id') ? checked(flags, 'kms-key-id', checkKmsKeyId) : undefined;
      const keep = keepVersions(flags);
      const c = ctx();
      const store = openStore(required(flags, 'store'), () => c.api);
      const owner = ownerOf(flags, store.spec);
      print(io, c, await publishServiceAccount(c, store, { instanceId, registry, name, owner, kmsKeyId, keepVersions: keep, force: false }));
      return ExitCode.OK;
    },
  },
  'service-account unpublish': {
    usage: `tcr-credentials service-account unpublish --store ssm:<secret>|file:<path> [--owner <label>]
    [--recovery-window-days <0-30>]

Deletes the published secret (the account itself is left to Terraform). Already gone counts as success.`,
    options: { 'store': { type: 'string' }, 'owner': { type: 'string' }, 'recovery-window-days': { type: 'string' } },
    run: (flags, ctx, io) => deleteCommand(flags, ctx, io),
  },
  'rotate': {
    usage: `tcr-credentials rotate (--store-prefix <prefix> | --secret ssm:<secret>|file:<path> ...)
    [--grace <seconds>] [--temp-window <minutes>] [--concurrency <n>] [--keep-versions <n>]

For long-term tokens: mints a new token, writes it as a new secret version, and deletes the previous token once
its grace period is over (on a later run; --grace 0 deletes it at once). For service accounts: resets the
password and writes it (a service account has one password: no grace period). For temporary tokens: re-mints
when the stored one expires within the window. Versions beyond --keep-versions are pruned (SSM keeps at most
10). Secrets are processed concurrently, paced under the documented API rate limits. Prints a JSON summary.

  --store-prefix <prefix>   every SSM secret written by tcr-credentials whose name starts with <prefix>
  --secret <store>          one store (repeatable)
  --grace <seconds>         keep the replaced long-term token valid this long (default 3600)
  --temp-window <minutes>   re-mint temporary tokens expiring within this window (default 20)
  --concurrency <n>         secrets in flight at once, 1-50 (default 8)
  --keep-versions <n>       SSM versions kept, 2-10 (default 5)`,
    options: {
      'store-prefix': { type: 'string' },
      'secret': { type: 'string', multiple: true },
      'grace': { type: 'string' },
      'temp-window': { type: 'string' },
      'concurrency': { type: 'string' },
      'keep-versions': { type: 'string' },
    },
    run: rotateCommand,
  },
  'audit': {
    usage: `tcr-credentials audit --instance-id <tcr-id> [--output json|table] [--delete-orphans] [--orphan-min-age <minutes>]

Lists the instance's long-term tokens and service accounts with expiry, enabled state, owner marker and the
secrets that hold them, flagged: expired, permanent, disabled, orphan (tcr-credentials marker, no secret points at
it), unmanaged, unpublished, and "auto-created: do not delete" (TKE add-on and CODING DevOps tokens).

  --instance-id <id>          TCR instance id
  --output json|table         default json
  --delete-orphans            delete orphans (only tokens carrying the tcr-credentials owner marker)
  --orphan-min-age <minutes>  leave younger orphans alone: a create may be writing its secret (default 10)`,
    options: {
      'instance-id': { type: 'string' },
      'output': { type: 'string' },
      'delete-orphans': { type: 'boolean' },
      'orphan-min-age': { type: 'string' },
    },
    run: async (flags, ctx, io) => {
      const instanceId = checked(flags, 'instance-id', checkInstanceId);
      const output = checked(flags, 'output', (v) => (v === 'json' || v === 'table' ? undefined : 'must be json or table'), 'json');
      const minAge = integer(flags, 'orphan-min-age', 10, 0, 100_000, 'minutes');
      const c = ctx();
      const result = await audit(c, { instanceId, deleteOrphans: flags['delete-orphans'] === true, orphanMinAgeMs: minAge * 60_000 });
      if (output === 'table') io.stdout(auditTable(result.rows) + (result.deleted.length ? `deleted orphans: ${result.deleted.join(', ')}\n` : ''));
      else print(io, c, result);
      return ExitCode.OK;
    },
  },
};

async function deleteCommand(flags: Flags, ctx: () => OperationContext, io: CliIo): Promise<number> {
  const recoveryWindowDays = integer(flags, 'recovery-window-days', 0, 0, 30, 'days');
  const problem = checkRecoveryWindowDays(recoveryWindowDays);
  if (problem) throw new UsageError(`--recovery-window-days has value "${recoveryWindowDays}", which ${problem}`);
  const instanceId = str(flags, 'instance-id') === undefined ? undefined : checked(flags, 'instance-id', checkInstanceId);
  const owner = str(flags, 'owner') === undefined ? undefined : checked(flags, 'owner', checkOwner);
  const c = ctx();
  const store = openStore(required(flags, 'store'), () => c.api);
  print(io, c, await deleteCredential(c, store, { instanceId, owner, recoveryWindowDays }));
  return ExitCode.OK;
}

async function rotateCommand(flags: Flags, ctx: () => OperationContext, io: CliIo): Promise<number> {
  const prefix = str(flags, 'store-prefix');
  const secrets = (flags.secret as string[] | undefined) ?? [];
  if ((prefix === undefined) === (secrets.length === 0)) throw new UsageError('rotate needs exactly one of --store-prefix and --secret');
  if (prefix !== undefined && (prefix === '' || checkSecretName(prefix))) {
    throw new UsageError(`--store-prefix has value "${prefix}", which must be the start of an SSM secret name (letters, digits, "_" and "-")`);
  }
  const graceMs = integer(flags, 'grace', 3600, 0, 30 * 86_400, 'seconds') * 1000;
  const tempWindowMs = integer(flags, 'temp-window', 20, 0, 59, 'minutes') * 60_000;
  const concurrency = Math.floor(integer(flags, 'concurrency', 8, 1, 50, 'secrets'));
  const keep = keepVersions(flags);
  const c = ctx();
  const specs = prefix !== undefined ? await secretsWithPrefix(c, prefix) : secrets;
  const stores = specs.map((spec) => openStore(spec, () => c.api, '--secret'));
  const results: Array<Record<string, unknown>> = [];
  const failures: Array<{ store: string; error: string }> = [];
  const tokenLists = new TokenListCache();
  let next = 0;
  const worker = async () => {
    while (next < stores.length) {
      const store = stores[next++];
      try {
        results.push(await rotateOne(c, store, { graceMs, tempWindowMs, keepVersions: keep, tokenLists }));
      } catch (e) {
        failures.push({ store: store.spec, error: c.redactor.redact((e as Error).message) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, stores.length) }, worker));
  print(io, c, { total: stores.length, rotated: results.filter((r) => r.action !== 'skipped').length, skipped: results.filter((r) => r.action === 'skipped').length, failed: failures.length, results, failures });
  return failures.length === 0 ? ExitCode.OK : ExitCode.ROTATE_FAILED_BASE + Math.min(failures.length, 100);
}

async function secretsWithPrefix(ctx: OperationContext, prefix: string): Promise<string[]> {
  const names: string[] = [];
  const limit = 100;
  for (let offset = 0; ; offset += limit) {
    const res = await ctx.api.ssmCall('ListSecrets', { SearchSecretName: prefix, TagFilters: [{ TagKey: OWNER_TAG_KEY }], Limit: limit, Offset: offset });
    const page = (res.SecretMetadatas ?? []) as Array<{ SecretName: string; Status: string }>;
    names.push(...page.filter((m) => m.SecretName.startsWith(prefix) && m.Status === 'Enabled').map((m) => `ssm:${m.SecretName}`));
    if (page.length < limit) return names.sort();
  }
}

function mainHelp(): string {
  return `usage: tcr-credentials <command> [flags]
       tcr-credentials <command> --help
       tcr-credentials --version

TCR registry credentials minted at deploy time and delivered to a secret store, never to Terraform state.

Commands:
  token create               mint an instance token and store it
  token delete               delete the stored token and its secret
  service-account publish    reset a service account's password and store it
  service-account unpublish  delete the published secret
  rotate                     rotate stored credentials (cron, CI schedules, CronJobs)
  audit                      list and flag an instance's tokens and service accounts

Run \`tcr-credentials <command> --help\` for its flags. Nothing secret is ever printed, --debug included.

${ENVIRONMENT}

${EXIT_CODES}
`;
}

function commandHelp(command: Command): string {
  return `usage: ${command.usage}\n\n${COMMON_HELP}\n\n${ENVIRONMENT}\n\n${EXIT_CODES}\n`;
}

/** Runs one command line; resolves with the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const redactor = new Redactor();
  try {
    if (argv[0] === '--version') {
      io.stdout(`tcr-credentials ${packageVersion()}\n`);
      return ExitCode.OK;
    }
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      io.stdout(mainHelp());
      return argv.length === 0 ? ExitCode.USAGE : ExitCode.OK;
    }
    const two = `${argv[0]} ${argv[1] ?? ''}`;
    const name = COMMANDS[two] ? two : COMMANDS[argv[0]] ? argv[0] : undefined;
    if (!name) {
      const group = Object.keys(COMMANDS).filter((c) => c.startsWith(`${argv[0]} `));
      if (group.length > 0 && (argv[1] === undefined || argv[1] === '--help' || argv[1] === '-h')) {
        io.stdout(group.map((g) => `usage: ${COMMANDS[g].usage.split('\n')[0]}`).join('\n') + '\n');
        return argv[1] === undefined ? ExitCode.USAGE : ExitCode.OK;
      }
      throw new UsageError(`unknown command "${two.trim()}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
    }
    const command = COMMANDS[name];
    const rest = argv.slice(name.split(' ').length);
    let flags: Flags;
    try {
      const options = { ...COMMON_OPTIONS, ...command.options };
      flags = parseArgs({ args: [...rest], options, strict: true, allowPositionals: false }).values as Flags;
    } catch (e) {
      throw new UsageError(`${name}: ${(e as Error).message.split('\n')[0]}`);
    }
    if (flags.help) {
      io.stdout(commandHelp(command));
      return ExitCode.OK;
    }
    // An empty --region (a construct without a known region) defers to the environment, like the provider.
    const region = str(flags, 'region') || io.env.TENCENTCLOUD_REGION;
    if (!region) throw new UsageError('--region (or TENCENTCLOUD_REGION) is required');
    if (!/^[a-z]{2,}(-[a-z]+)+(-\d+)?$/.test(region)) {
      throw new UsageError(`--region has value "${region}", which must be a region id such as ap-guangzhou`);
    }
    const timeoutSeconds = integer(flags, 'timeout', 30, 0.1, 600, 'seconds');
    const budgetMs = integer(flags, 'retry-budget', DEFAULT_RETRY.budgetMs / 1000, 0, 3600, 'seconds') * 1000;
    let context: OperationContext | undefined;
    // Credentials are read only once a command has validated its own flags, so `--help` and usage errors need none.
    const ctx = () => {
      if (context) return context;
      const credentials = credentialsFromEnv(io.env);
      redactor.add(credentials.secretKey, ...(credentials.token ? [credentials.token] : []));
      const api = new TencentApi({
        credentials,
        region,
        endpointUrl: io.env.TENCENTCLOUD_ENDPOINT_URL || undefined,
        timeoutSeconds,
        retry: { ...DEFAULT_RETRY, budgetMs },
        redactor,
        debug: flags.debug ? (line) => io.stderr(`[debug] ${line}\n`) : undefined,
      });
      context = { api, redactor, region, now: () => Date.now(), note: (line) => io.stderr(`${redactor.redact(line)}\n`) };
      return context;
    };
    const code = await command.run(flags, ctx, io);
    if (flags.debug && context) io.stderr(`[debug] ${context.api.totalCalls} API calls: ${[...context.api.callCounts].map(([a, n]) => `${a}=${n}`).join(' ')}\n`);
    return code;
  } catch (e) {
    io.stderr(`tcr-credentials: ${redactor.redact((e as Error).message ?? String(e))}\n`);
    return exitCodeOf(e);
  }
}
