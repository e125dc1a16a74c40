import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/shim/cli';

async function run(args: string[], env: NodeJS.ProcessEnv = { TENCENTCLOUD_SECRET_ID: 'AKIDEXAMPLE', TENCENTCLOUD_SECRET_KEY: 'EXAMPLEKEY', TENCENTCLOUD_REGION: 'ap-guangzhou', TENCENTCLOUD_ENDPOINT_URL: 'http://127.0.0.1:9' }) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { env, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrc-cli-'));
const worldWritable = path.join(dir, 'shared');
fs.mkdirSync(worldWritable);
fs.chmodSync(worldWritable, 0o777);
afterAll(() => fs.rmSync(dir, { recursive: true }));

const base = ['token', 'create', '--instance-id', 'tcr-abcd1234', '--registry-domain', 'acme.tencentcloudcr.com', '--store', 'ssm:ci-token'];
const withFlag = (flag: string, value: string) => {
  const args = [...base];
  const i = args.indexOf(flag);
  if (i >= 0) args[i + 1] = value;
  else args.push(flag, value);
  return args;
};

test.each([
  ['unknown store scheme', withFlag('--store', 'vault:ci'), '--store has value "vault:ci", which unknown store scheme "vault": it must be ssm:<secret name> or file:<absolute path>'],
  ['store without scheme', withFlag('--store', 'ci-token'), 'unknown store scheme "ci-token"'],
  ['bad SSM secret name', withFlag('--store', 'ssm:ci/token'), '--store has value "ssm:ci/token", which names the SSM secret "ci/token", which must be 1-128 characters of letters, digits, "_" and "-"'],
  ['empty SSM secret name', withFlag('--store', 'ssm:'), 'names the SSM secret ""'],
  ['relative file path', withFlag('--store', 'file:creds.json'), 'names the file "creds.json", which must be an absolute path'],
  ['file in a missing directory', withFlag('--store', `file:${dir}/missing/creds.json`), `whose directory ${dir}/missing does not exist`],
  ['file in a world-writable directory', withFlag('--store', `file:${worldWritable}/creds.json`), `whose directory ${worldWritable} is world-writable`],
  ['description over 231 characters', withFlag('--description', 'x'.repeat(232)), 'must be at most 231 characters (a token description must be at most 255 characters, and the owner marker takes 24)'],
  ['bad instance id', withFlag('--instance-id', 'tcr-ABC'), '--instance-id has value "tcr-ABC", which must be a TCR instance id'],
  ['bad token type', withFlag('--type', 'forever'), '--type has value "forever", which must be one of longterm, temp'],
  ['registry domain with scheme', withFlag('--registry-domain', 'https://acme.tencentcloudcr.com'), '--registry-domain has value "https://acme.tencentcloudcr.com", which must be a registry host name'],
  ['bad owner', withFlag('--owner', 'stack/<path>'), '--owner has value "stack/<path>", which must be 1-255 characters'],
  ['bad KMS key id', withFlag('--kms-key-id', 'key id!'), '--kms-key-id has value "key id!", which must be 1-128 characters'],
  ['keep-versions over the SSM limit', withFlag('--keep-versions', '11'), '--keep-versions has value "11", which must be a number of versions from 2 to 10'],
  ['non-numeric timeout', withFlag('--timeout', 'soon'), '--timeout has value "soon", which must be a number of seconds'],
  ['bad region', withFlag('--region', 'Guangzhou'), '--region has value "Guangzhou", which must be a region id such as ap-guangzhou'],
  ['unknown flag', [...base, '--token-type', 'temp'], "token create: Unknown option '--token-type'"],
  ['missing --store', base.slice(0, -2), '--store is required'],
  ['missing --instance-id', ['token', 'create', '--registry-domain', 'a.tencentcloudcr.com', '--store', 'ssm:x'], '--instance-id is required'],
  ['unknown command', ['token', 'mint'], 'unknown command "token mint"'],
  ['recovery window over 30 days', ['token', 'delete', '--store', 'ssm:x', '--recovery-window-days', '31'], '--recovery-window-days has value "31", which must be a number of days from 0 to 30'],
  ['fractional recovery window', ['token', 'delete', '--store', 'ssm:x', '--recovery-window-days', '1.5'], '--recovery-window-days has value "1.5", which must be a whole number of days from 0 (delete now) to 30'],
  ['rotate with both selectors', ['rotate', '--store-prefix', 'a', '--secret', 'ssm:b'], 'rotate needs exactly one of --store-prefix and --secret'],
  ['rotate with neither selector', ['rotate'], 'rotate needs exactly one of --store-prefix and --secret'],
  ['rotate with a bad prefix', ['rotate', '--store-prefix', 'team/'], '--store-prefix has value "team/"'],
  ['rotate with too much concurrency', ['rotate', '--secret', 'ssm:a', '--concurrency', '500'], '--concurrency has value "500", which must be a number of secrets from 1 to 50'],
  ['rotate with a bad secret', ['rotate', '--secret', 'nfs:a'], '--secret has value "nfs:a", which unknown store scheme "nfs"'],
  ['audit with a bad output', ['audit', '--instance-id', 'tcr-abcd1234', '--output', 'yaml'], '--output has value "yaml", which must be json or table'],
  ['service account with the prefix typed twice', ['service-account', 'publish', '--instance-id', 'tcr-abcd1234', '--registry-domain', 'a.tencentcloudcr.com', '--name', 'tcr$tcr$x', '--store', 'ssm:x'], '--name has value "tcr$tcr$x", which must be 1-64 characters'],
])('%s: exit 2 with a message naming the flag, the value and the rule', async (_name, args, message) => {
  const r = await run(args);
  expect(r.stderr).toContain(message);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
});

test('missing credentials and a bad endpoint URL are usage errors naming the variable', async () => {
  const noKey = await run(base, { TENCENTCLOUD_SECRET_ID: 'AKIDEXAMPLE', TENCENTCLOUD_REGION: 'ap-guangzhou' });
  expect(noKey).toMatchObject({ code: 2, stderr: 'tcr-credentials: environment variable TENCENTCLOUD_SECRET_KEY must be set to the API key of the deploying principal\n' });
  const noRegion = await run(base, { TENCENTCLOUD_SECRET_ID: 'a', TENCENTCLOUD_SECRET_KEY: 'b' });
  expect(noRegion.stderr).toContain('--region (or TENCENTCLOUD_REGION) is required');
  const badUrl = await run(base, { TENCENTCLOUD_SECRET_ID: 'a', TENCENTCLOUD_SECRET_KEY: 'b', TENCENTCLOUD_REGION: 'ap-guangzhou', TENCENTCLOUD_ENDPOINT_URL: 'http://127.0.0.1:4566/api' });
  expect(badUrl).toMatchObject({ code: 2 });
  expect(badUrl.stderr).toContain('TENCENTCLOUD_ENDPOINT_URL has value "http://127.0.0.1:4566/api", which must be http(s)://host[:port] without a path');
});

test.each([
  ['token', 'create'], ['token', 'delete'], ['service-account', 'publish'], ['service-account', 'unpublish'], ['rotate'], ['audit'],
])('%s %s --help documents its flags and the exit codes, without credentials', async (...cmd) => {
  const r = await run([...cmd.filter(Boolean), '--help'], {});
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(new RegExp(`^usage: tcr-credentials ${cmd.filter(Boolean).join(' ')} `));
  expect(r.stdout).toContain('Exit codes:');
  expect(r.stdout).toContain('TENCENTCLOUD_ENDPOINT_URL');
});

test('the top-level help lists the commands; no arguments is a usage error', async () => {
  expect(await run(['--help'], {})).toMatchObject({ code: 0, stdout: expect.stringContaining('service-account publish') });
  expect((await run([], {})).code).toBe(2);
  expect(await run(['--version'], {})).toMatchObject({ code: 0, stdout: expect.stringMatching(/^tcr-credentials \d+\.\d+\.\d+/) });
  expect(await run(['token', '--help'], {})).toMatchObject({ code: 0, stdout: expect.stringContaining('usage: tcr-credentials token delete') });
});

test('an unreachable endpoint fails after the retry budget with the action and a network error', async () => {
  const r = await run([...base, '--retry-budget', '0.5', '--timeout', '0.5']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^tcr-credentials: ListSecretVersionIds failed with NetworkError after \d+ attempts: /);
});
