import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findTerraform, LocalWorkspace, packagedStandIn, terraformPlatform } from '../../src/local/terraform';

describe('terraform for tcr-local', () => {
  test('platform names as terraform spells them', () => {
    expect(terraformPlatform('linux', 'x64')).toBe('linux_amd64');
    expect(terraformPlatform('darwin', 'arm64')).toBe('darwin_arm64');
    expect(terraformPlatform('win32', 'ia32')).toBe('windows_386');
  });

  test('terraform not found fails loudly, naming where it looked', () => {
    expect(() => findTerraform({ PATH: '/nonexistent' }, ['/nowhere/terraform'])).toThrow('terraform not found on PATH or at /nowhere/terraform');
  });

  test('the packaged stand-in must be complete', () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tcr-local-plugin-'));
    expect(() => packagedStandIn(d)).toThrow(`the provider stand-in is missing from ${path.join(d, 'tfprovider')}`);
    fs.mkdirSync(path.join(d, 'tfprovider'));
    fs.writeFileSync(path.join(d, 'tfprovider', 'terraform-provider-tencentcloud.js'), '');
    fs.writeFileSync(path.join(d, 'tfprovider', 'provider.json'), JSON.stringify({ version: '1.83.25' }));
    expect(packagedStandIn(d)).toEqual({ bundle: path.join(d, 'tfprovider', 'terraform-provider-tencentcloud.js'), version: '1.83.25' });
  });

  test('a workspace without a synthesized stack is refused; its env drops the caller\'s TF_ and TENCENTCLOUD_ settings', () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tcr-local-ws-'));
    const ws = new LocalWorkspace({ stackDir: path.join(d, 'nope'), workDir: path.join(d, 'work'), plugin: { bundle: '/p.js', version: '1.83.25' }, terraform: '/bin/true' });
    expect(() => ws.prepare()).toThrow(`no synthesized stack at ${path.join(d, 'nope')} (cdk.tf.json missing)`);
    process.env.TF_LOG = 'TRACE';
    process.env.TENCENTCLOUD_SECRET_KEY = 'caller-key';
    try {
      const env = ws.env({ endpointUrl: 'http://127.0.0.1:1', secretId: 'id', secretKey: 'emulator-key', region: 'ap-guangzhou' });
      expect(env.TF_LOG).toBeUndefined();
      expect(env.TENCENTCLOUD_SECRET_KEY).toBe('emulator-key');
      expect(env.TF_CLI_CONFIG_FILE).toBe(path.join(d, 'work', 'terraform.rc'));
    } finally {
      delete process.env.TF_LOG;
      delete process.env.TENCENTCLOUD_SECRET_KEY;
    }
  });
});
