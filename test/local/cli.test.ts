import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { envLines, parseTcrLocalArgs, tcrLocalMain } from '../../src/local/cli';
import { keptEndpointFile, WORK_DIR_NAME } from '../../src/local/local-run';

describe('tcr-local command line', () => {
  test('commands and flags', () => {
    expect(parseTcrLocalArgs(['deploy'], '/app')).toEqual({ command: 'deploy', keep: false, skipSynth: false, dir: '/app' });
    expect(parseTcrLocalArgs(['deploy', '--stack', 's', '--keep', '--port', '4566', '--skip-synth', '--dir', 'sub'], '/app'))
      .toEqual({ command: 'deploy', stack: 's', keep: true, port: 4566, skipSynth: true, dir: '/app/sub' });
    expect(parseTcrLocalArgs(['destroy', '--endpoint', 'http://127.0.0.1:4566'], '/app'))
      .toEqual({ command: 'destroy', endpoint: 'http://127.0.0.1:4566', keep: false, skipSynth: false, dir: '/app' });
    expect(parseTcrLocalArgs(['env'], '/app').command).toBe('env');
  });

  test('bad command lines say what is wrong and show the usage', () => {
    expect(() => parseTcrLocalArgs([])).toThrow(/^a command is needed: one of deploy, plan, destroy, start, env\nusage: tcr-local /);
    expect(() => parseTcrLocalArgs(['apply'])).toThrow('unknown command "apply": one of deploy, plan, destroy, start, env');
    expect(() => parseTcrLocalArgs(['plan', '--force'])).toThrow('unknown argument "--force"');
    expect(() => parseTcrLocalArgs(['plan', '--stack'])).toThrow('--stack needs a value');
    expect(() => parseTcrLocalArgs(['plan', '--port', '99999'])).toThrow('--port needs a port number from 0 to 65535, got "99999"');
    expect(() => parseTcrLocalArgs(['plan', '--keep'])).toThrow('--keep applies to deploy only, not plan');
    expect(() => parseTcrLocalArgs(['deploy', '--keep', '--endpoint', 'x'])).toThrow('with --endpoint the emulator is not tcr-local\'s to keep');
    expect(() => parseTcrLocalArgs(['env', '--stack', 'x'])).toThrow('env takes only --dir');
    expect(() => parseTcrLocalArgs(['start', '--stack', 'x'])).toThrow('start takes only --port and --dir: it deploys nothing');
    expect(parseTcrLocalArgs(['start', '--port', '4566'], '/app')).toEqual({ command: 'start', port: 4566, keep: false, skipSynth: false, dir: '/app' });
    try {
      parseTcrLocalArgs(['bogus']);
    } catch (e) {
      expect((e as Error).name).toBe('UsageError'); // exit status 2, not 1
    }
  });

  test('env prints exports for a kept emulator and never the SecretKey itself', async () => {
    const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcr-local-env-'));
    expect(() => envLines(appDir)).toThrow(`no kept emulator in ${appDir}: run \`tcr-local start\` or \`tcr-local deploy --keep\` there first`);
    fs.mkdirSync(path.join(appDir, WORK_DIR_NAME));
    const keyFile = path.join(appDir, WORK_DIR_NAME, "it's.key");
    fs.writeFileSync(keyFile, 'CANARY-SECRET-KEY\n', { mode: 0o600 });
    fs.writeFileSync(keptEndpointFile(appDir), JSON.stringify({ endpointUrl: 'http://127.0.0.1:4566', secretId: 'AKIDEXAMPLE', secretKeyFile: keyFile, region: 'ap-guangzhou', cliConfigFile: '/app/.tcr-local/terraform.rc' }));
    const lines: string[] = [];
    expect(await tcrLocalMain(['env', '--dir', appDir], (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual([
      "export TENCENTCLOUD_ENDPOINT_URL='http://127.0.0.1:4566'",
      "export TENCENTCLOUD_SECRET_ID='AKIDEXAMPLE'",
      `export TENCENTCLOUD_SECRET_KEY="$(cat '${keyFile.replace("'", "'\\''")}')"`,
      "export TENCENTCLOUD_REGION='ap-guangzhou'",
      "export TF_CLI_CONFIG_FILE='/app/.tcr-local/terraform.rc'",
    ]);
    expect(lines.join('\n')).not.toContain('CANARY-SECRET-KEY');
  });
});
