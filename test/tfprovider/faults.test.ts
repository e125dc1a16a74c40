import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { EmulatorHandle, startEmulator } from '../../src/emulator';
import { ApiCallError, isRetryable, TencentApi } from '../../tfprovider/api';
import { resourceSnapshot } from '../../tfprovider/harness/lifecycle';
import { findTerraform, installPlugin, plannedActions, TerraformStack } from '../../tfprovider/harness/terraform';
import { PluginLog } from '../../tfprovider/log';
import { MAGIC_COOKIE_VALUE } from '../../tfprovider/server';

/**
 * Emulator faults during terraform apply, handled as the real provider handles them (provider-semantics.md,
 * "Error-retry semantics"): InternalError is not retried and ends apply with a diagnostic naming the action and code;
 * an object already created by then stays in state as tainted (SDKv2 d.SetId) and is replaced by the next apply;
 * RequestLimitExceeded is retried until the call goes through.
 */
const header = {
  terraform: { required_providers: { tencentcloud: { source: 'tencentcloudstack/tencentcloud', version: '1.83.25' } } },
  provider: { tencentcloud: [{ region: 'ap-guangzhou' }] },
};
const instance = { reg: { name: 'fault-registry', instance_type: 'basic' } };
const namespace = { apps: { instance_id: '${tencentcloud_tcr_instance.reg.id}', name: 'apps' } };

describe('emulator faults during apply', () => {
  let emulator: EmulatorHandle;
  let stack: TerraformStack;
  let before: string;
  const instanceIds = () => Object.keys((emulator.admin.state() as any).tcr?.instances ?? {});
  const stateOf = (type: string) => stack.state().resources.find((r: any) => r.type === type)?.instances[0];

  beforeAll(async () => {
    emulator = await startEmulator();
    before = JSON.stringify(resourceSnapshot(emulator.admin.state()));
    stack = TerraformStack.fromJson({ ...header, resource: { tencentcloud_tcr_instance: instance } }, {
      endpointUrl: `http://${emulator.endpoint}`, secretId: emulator.root.secretId, secretKey: emulator.root.secretKey,
    });
  }, 60_000);

  afterAll(async () => {
    stack?.dispose();
    await emulator?.close();
  });

  test('InternalError after the instance was created: clear diagnostic, instance kept in state as tainted', async () => {
    // CreateInstance succeeds; the first status poll behind it fails.
    emulator.admin.injectFault({ service: 'tcr', action: 'DescribeInstances', kind: 'error', code: 'InternalError', count: 1 });
    const apply = await stack.apply();
    expect(apply.code).toBe(1);
    const text = apply.stderr.replace(/\s+/g, ' ');
    expect(text).toContain('Error: DescribeInstances failed: [InternalError]');
    expect(text).toContain('with tencentcloud_tcr_instance.reg');
    expect(stack.pluginLog()).toContain('api tcr.DescribeInstances failed (attempt 1): InternalError');
    expect(stack.pluginLog()).not.toContain('api tcr.DescribeInstances failed (attempt 2)');
    const ids = instanceIds();
    expect(ids).toHaveLength(1);
    expect(stateOf('tencentcloud_tcr_instance')).toMatchObject({ status: 'tainted', attributes: { id: ids[0], name: 'fault-registry' } });
  }, 120_000);

  test('the next apply replaces the tainted instance; RequestLimitExceeded is retried until it goes through', async () => {
    const tainted = instanceIds()[0];
    stack.writeConfig({ ...header, resource: { tencentcloud_tcr_instance: instance, tencentcloud_tcr_namespace: namespace } });
    emulator.admin.injectFault({ service: 'tcr', action: 'CreateNamespace', kind: 'error', code: 'RequestLimitExceeded', count: 2 });
    const apply = await stack.apply();
    expect(apply.stderr).toBe('');
    expect(apply.stdout).toContain('Apply complete! Resources: 2 added, 0 changed, 1 destroyed.');
    const log = stack.pluginLog();
    expect(log).toContain('api tcr.CreateNamespace failed (attempt 2): RequestLimitExceeded');
    expect(log).toContain('api tcr.CreateNamespace ok (attempt 3)');
    const ids = instanceIds();
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toBe(tainted);
    expect(stateOf('tencentcloud_tcr_instance')).toMatchObject({ attributes: { id: ids[0] } });
    expect(stateOf('tencentcloud_tcr_instance').status).toBeUndefined();
    const { json } = await stack.plan();
    const a = plannedActions(json);
    expect([...a.create, ...a.update, ...a.delete, ...a.replace]).toEqual([]);
  }, 120_000);

  test('destroy leaves the emulator as it started', async () => {
    const d = await stack.destroy();
    expect(d.stderr).toBe('');
    expect(JSON.stringify(resourceSnapshot(emulator.admin.state()))).toBe(before);
  }, 120_000);
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits up to `ms` for every pid to exit; returns those still running. */
async function survivors(pids: number[], ms = 5000): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return pids.filter(alive);
}

describe('hung commands and orphaned plugins', () => {
  test('a terraform command past its timeout is terminated, and its plugin processes exit with it', async () => {
    const emulator = await startEmulator();
    const stack = TerraformStack.fromJson({ ...header, resource: { tencentcloud_tcr_instance: instance } }, {
      endpointUrl: `http://${emulator.endpoint}`,
      secretId: emulator.root.secretId,
      secretKey: emulator.root.secretKey,
      commandTimeoutSeconds: 2,
    });
    try {
      await stack.init(); // not under the 2 s budget
      emulator.admin.injectFault({ service: 'tcr', action: 'CreateInstance', kind: 'delay', delayMs: 8_000 });
      const apply = await stack.apply();
      expect(apply.code).toBe(-1);
      expect(apply.stderr).toContain('terraform apply timed out after 2 s and was terminated');
      const pids = [...new Set([...stack.pluginLog().matchAll(/tencentcloud-standin\((\d+)\)/g)].map((m) => Number(m[1])))];
      expect(pids.length).toBeGreaterThan(0);
      expect(await survivors(pids)).toEqual([]);
    } finally {
      stack.dispose();
      emulator.admin.clearFaults();
      await emulator.close();
    }
  }, 60_000);

  test('a plugin whose parent dies without calling Shutdown exits on its own', async () => {
    const plugin = installPlugin();
    // sh starts the plugin in the background, prints its pid, gives it a second to start serving and exits
    // without stopping it: the plugin is re-parented, as when terraform is killed.
    const sh = spawn('sh', ['-c', `"${process.execPath}" "${plugin.bundle}" >/dev/null 2>&1 & echo $!; sleep 1`], {
      env: { PATH: process.env.PATH, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    sh.stdout.on('data', (b: Buffer) => (out += b.toString()));
    await new Promise((resolve) => sh.on('close', resolve));
    const pid = Number(out.trim());
    expect(pid).toBeGreaterThan(0);
    const left = await survivors([pid]);
    for (const p of left) process.kill(p, 'SIGKILL'); // never leave it behind, even when the check fails
    expect(left).toEqual([]);
  }, 30_000);
});

test('SIGTERM shuts the plugin down cleanly: exit code 0, its socket dir removed', async () => {
  const plugin = installPlugin();
  const child = spawn(process.execPath, [plugin.bundle], {
    env: { PATH: process.env.PATH, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const line = await new Promise<string>((resolve) => {
    let buf = '';
    child.stdout.on('data', (b: Buffer) => {
      buf += b.toString();
      if (buf.includes('\n')) resolve(buf.trim());
    });
  });
  const socket = line.split('|')[3];
  expect(fs.existsSync(socket)).toBe(true);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(fs.existsSync(path.dirname(socket))).toBe(false);
}, 30_000);

test('without terraform the harness fails loudly instead of skipping', () => {
  expect(() => findTerraform({ PATH: '/nonexistent' }, [])).toThrow('terraform not found on PATH: install terraform >= 1.5');
  expect(() => findTerraform({ PATH: '/nonexistent' }, ['/nonexistent/terraform'])).toThrow(/terraform not found/);
});

describe('retry classification (common/common.go RetryError)', () => {
  test('retryable families match on the full code or the prefix before the first "."; InternalError is not', () => {
    for (const code of ['RequestLimitExceeded', 'ResourceInUse.SecretExists', 'ResourceUnavailable', 'ResourceBusy', 'ClientError.NetworkError']) {
      expect([code, isRetryable(code)]).toEqual([code, true]);
    }
    for (const code of ['InternalError', 'InvalidParameter', 'ResourceNotFound', 'AuthFailure.SignatureFailure', 'UnauthorizedOperation']) {
      expect([code, isRetryable(code)]).toEqual([code, false]);
    }
  });

  test('a retryable error that outlasts the write timeout ends with a diagnostic naming action and code', async () => {
    const emulator = await startEmulator();
    try {
      emulator.admin.injectFault({ service: 'tcr', action: 'DescribeInstances', kind: 'error', code: 'ResourceBusy', count: 1000 });
      const api = new TencentApi({
        secretId: emulator.root.secretId, secretKey: emulator.root.secretKey, region: 'ap-guangzhou', endpointUrl: `http://${emulator.endpoint}`, retryTimeoutSeconds: 1,
      }, new PluginLog('', false));
      const err = await api.call('tcr', 'DescribeInstances', {}).catch((e) => e);
      expect(err).toBeInstanceOf(ApiCallError);
      expect(err.message).toMatch(/^DescribeInstances failed: \[ResourceBusy\] /);
      const attempts = 1000 - emulator.admin.faults()[0].remaining;
      expect(attempts).toBeGreaterThan(2);
    } finally {
      await emulator.close();
    }
  }, 30_000);
});
