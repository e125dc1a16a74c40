/**
 * Two emulator processes on one state file under parallel writes: repeated runs of 2 x 50 parallel
 * CreateNamespace (half to an emulator in this process, half to one in a child process), then every namespace must
 * be in the file. Bounded: STRESS_RUNS runs (default 4); STRESS_REPORT=1 prints runs / writes / losses.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as esbuild from 'esbuild';
import * as tencentcloud from 'tencentcloud-sdk-nodejs';
import { profile } from './helpers';
import { EmulatorHandle, startEmulator } from '../../src/emulator';

const RUNS = Number(process.env.STRESS_RUNS ?? 4);
const PER_PROCESS = 50;
const REPO = path.join(__dirname, '../..');
// Inside the repo so that the child resolves tencentcloud-sdk-nodejs from node_modules (bundled as external).
const CHILD_SCRIPT = path.join(REPO, 'node_modules', '.cache', 'emulator-stress', `child-${process.pid}.js`);

jest.setTimeout(120_000);

beforeAll(async () => {
  await esbuild.build({
    stdin: {
      contents: `
        import { startEmulator } from './index';
        startEmulator({ persistPath: process.argv[2] }).then((handle) => {
          process.stdout.write(JSON.stringify({ port: handle.port }) + '\\n');
          process.stdin.on('end', () => handle.close().then(() => process.exit(0)));
          process.stdin.resume();
        });`,
      resolveDir: path.join(REPO, 'src/emulator'),
      loader: 'ts',
    },
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    outfile: CHILD_SCRIPT,
    logLevel: 'error',
  });
});

afterAll(() => fs.rmSync(CHILD_SCRIPT, { force: true }));

function startChild(file: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [CHILD_SCRIPT, file], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (line: Buffer) => resolve({ child, port: JSON.parse(line.toString()).port }));
    child.once('exit', (code) => reject(new Error(`child emulator exited early with ${code}`)));
  });
}

function tcr(handle: Pick<EmulatorHandle, 'endpoint'>, credential: EmulatorHandle['root']) {
  return new tencentcloud.tcr.v20190924.Client({ credential, region: 'ap-guangzhou', profile: profile(handle as EmulatorHandle) });
}

test(`two processes, ${RUNS} runs of 2 x ${PER_PROCESS} parallel CreateNamespace: no namespace is lost`, async () => {
  const losses: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emu-stress-')), 'state.json');
    const local = await startEmulator({ persistPath: file });
    const { child, port } = await startChild(file);
    try {
      const remote = { endpoint: `127.0.0.1:${port}` };
      const { RegistryId } = await tcr(local, local.root).CreateInstance({ RegistryName: `stress-run-${run}`, RegistryType: 'basic' });
      const calls = Array.from({ length: 2 * PER_PROCESS }, (_, i) => {
        const target = i % 2 === 0 ? local : remote;
        return tcr(target, local.root).CreateNamespace({ RegistryId: RegistryId!, NamespaceName: `ns-${i}`, IsPublic: false });
      });
      const results = await Promise.allSettled(calls);
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      const namespaces = Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).tcr.instances[RegistryId!].namespaces);
      losses.push(2 * PER_PROCESS - namespaces.length);
      // Both processes see every namespace, not only the file.
      for (const target of [local, remote]) {
        const listed = await tcr(target, local.root).DescribeNamespaces({ RegistryId: RegistryId!, All: true });
        expect(listed.TotalCount).toBe(namespaces.length);
      }
    } finally {
      child.stdin!.end();
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      await local.close();
    }
  }
  if (process.env.STRESS_REPORT) {
    process.stdout.write(`stress: runs=${RUNS} writes=${RUNS * 2 * PER_PROCESS} losses per run=${JSON.stringify(losses)} runs with losses=${losses.filter((n) => n > 0).length}\n`);
  }
  expect(losses).toEqual(Array(RUNS).fill(0));
});
