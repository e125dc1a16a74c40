import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { allowPolicy, camClient, sdkError } from './helpers';
import { startEmulator } from '../../src/emulator';
import { LOCK_STALE_MS, StateStore, advanceClock, setClock, virtualNow } from '../../src/emulator/store';

function tmpFile(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emu-')), name);
}

describe('persistence', () => {
  test('two emulator instances share one state file; writes are atomic and private', async () => {
    const file = tmpFile('state.json');
    const a = await startEmulator({ persistPath: file });
    const b = await startEmulator({ persistPath: file });
    try {
      expect(b.root).toEqual(a.root); // b loaded a's accounts
      expect(fs.statSync(file).mode % 0o1000).toBe(0o600);
      const { PolicyId } = <{ PolicyId: number }> await camClient(a, a.root).CreatePolicy({ PolicyName: 'shared', PolicyDocument: allowPolicy(['tcr:*'], ['*']) });
      await expect(camClient(b, b.root).GetPolicy({ PolicyId })).resolves.toMatchObject({ PolicyName: 'shared' });
      await camClient(b, b.root).UpdatePolicy({ PolicyId, Description: 'from b' });
      await expect(camClient(a, a.root).GetPolicy({ PolicyId })).resolves.toMatchObject({ Description: 'from b' });
      const dev = b.admin.seedAccount({ name: 'seeded-in-b' });
      expect(a.admin.state().accounts.users[dev.uin].name).toBe('seeded-in-b');
      expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
    const c = await startEmulator({ persistPath: file });
    try {
      expect((await camClient(c, c.root).ListPolicies({})).TotalNum).toBe(1);
    } finally {
      await c.close();
    }
  });

  test('100 parallel SDK calls spread over two emulators on one file: no lost update', async () => {
    const file = tmpFile('state.json');
    const a = await startEmulator({ persistPath: file });
    const b = await startEmulator({ persistPath: file });
    try {
      const ids = await Promise.all(Array.from({ length: 100 }, (_, i) => {
        const h = i % 2 === 0 ? a : b;
        return camClient(h, h.root).CreatePolicy({ PolicyName: `p-${i}`, PolicyDocument: allowPolicy(['tcr:*'], ['*']) }).then((r) => r.PolicyId);
      }));
      expect(new Set(ids).size).toBe(100);
      expect((await camClient(a, a.root).ListPolicies({ Rp: 200 })).TotalNum).toBe(100);
      expect((await camClient(b, b.root).ListPolicies({ Rp: 200 })).TotalNum).toBe(100);
      expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).cam.policies)).toHaveLength(100);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('a failed request rolls back and writes nothing', async () => {
    const file = tmpFile('state.json');
    const h = await startEmulator({ persistPath: file });
    try {
      const before = fs.readFileSync(file, 'utf8');
      const mtime = fs.statSync(file).mtimeMs;
      expect((await sdkError(camClient(h, h.root).CreatePolicy({ PolicyName: 'bad name', PolicyDocument: '{}' }))).code).toBe('InvalidParameter.PolicyNameError');
      expect(fs.readFileSync(file, 'utf8')).toBe(before);
      expect(fs.statSync(file).mtimeMs).toBe(mtime);
      // A handler that changes state and then throws leaves nothing behind.
      expect(() => h.admin.mutate((s) => {
        s.cam.nextPolicyId = 5;
        throw new Error('boom');
      })).toThrow('boom');
      expect(h.admin.state().cam.nextPolicyId).toBe(JSON.parse(before).cam.nextPolicyId);
    } finally {
      await h.close();
    }
  });

  test('two processes changing one state file at the same moment lose no update (lock file)', async () => {
    const file = tmpFile('state.json');
    const initial = () => ({ formatVersion: 1, counter: 0 });
    const rounds = 300;
    // The other process runs the same StateStore module, bundled, incrementing the same counter.
    const script = path.join(path.dirname(file), 'writer.js');
    esbuild.buildSync({
      stdin: {
        contents: `import { StateStore } from './store';
          const store = new StateStore(process.argv[2], () => ({ formatVersion: 1, counter: 0 }));
          process.stdout.write('ready\\n');
          process.stdin.once('data', () => {
            for (let i = 0; i < ${rounds}; i++) store.transact((s) => { s.counter += 1; });
            process.exit(0);
          });`,
        resolveDir: path.join(__dirname, '../../src/emulator'),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      target: 'node20',
      outfile: script,
      logLevel: 'error',
    });
    const store = new StateStore(file, initial);
    const child = spawn(process.execPath, [script, file], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.stdin.write('go\n');
      for (let i = 0; i < rounds; i++) store.transact((s) => { s.counter += 1; });
      expect(await exited).toBe(0);
      store.refresh();
      expect(store.state.counter).toBe(2 * rounds);
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).counter).toBe(2 * rounds);
      expect(fs.existsSync(`${file}.lock`)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  test('another writer\'s change is seen even when inode, size and mtime are unchanged', () => {
    // The root cause of lost updates between processes: a write that leaves the change stamp as it was.
    const file = tmpFile('state.json');
    const store = new StateStore(file, () => ({ formatVersion: 1, counter: 0 }));
    store.transact((s) => { s.counter = 1; });
    const tick = 1_700_000_000; // a whole second, which utimes sets exactly
    fs.utimesSync(file, tick, tick);
    store.refresh(); // the store has now seen the file as it is, stamp included
    const before = fs.statSync(file);
    fs.writeFileSync(file, JSON.stringify({ formatVersion: 1, counter: 2 })); // same length, same inode
    fs.utimesSync(file, tick, tick);
    const after = fs.statSync(file);
    expect([after.ino, after.size, after.mtimeMs]).toEqual([before.ino, before.size, before.mtimeMs]);
    store.transact((s) => { s.counter += 10; });
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).counter).toBe(12);
  });

  test('a state file written in another format is read, and a removed one is not an error', () => {
    const file = tmpFile('state.json');
    const store = new StateStore(file, () => ({ formatVersion: 1, counter: 0 }));
    fs.writeFileSync(file, JSON.stringify({ formatVersion: 1, counter: 5 }, null, 2));
    store.refresh();
    expect(store.state.counter).toBe(5);
    fs.rmSync(file);
    store.refresh();
    expect(store.state.counter).toBe(5);
    store.transact((s) => { s.counter += 1; });
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).counter).toBe(6);
  });

  test('a lock left by a crashed process is taken over once it is stale', () => {
    const file = tmpFile('state.json');
    const store = new StateStore(file, () => ({ formatVersion: 1, counter: 0 }));
    fs.writeFileSync(`${file}.lock`, '');
    const old = (Date.now() - LOCK_STALE_MS - 1000) / 1000;
    fs.utimesSync(`${file}.lock`, old, old);
    store.transact((s) => { s.counter = 1; });
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).counter).toBe(1);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  test('a holder whose stale lock was taken over leaves the new holder\'s lock alone', () => {
    const file = tmpFile('state.json');
    const store = new StateStore(file, () => ({ formatVersion: 1, counter: 0 }));
    store.transact((s) => {
      // Meanwhile another process found this lock stale and took it over.
      fs.rmSync(`${file}.lock`);
      fs.writeFileSync(`${file}.lock`, 'other-process-token');
      s.counter = 1;
    });
    expect(fs.readFileSync(`${file}.lock`, 'utf8')).toBe('other-process-token');
  });

  test('bad state files are reported', () => {
    const file = tmpFile('state.json');
    fs.writeFileSync(file, '{nope');
    expect(() => new StateStore(file, () => ({ formatVersion: 1 }))).toThrow('not valid JSON');
    fs.writeFileSync(file, '{"formatVersion":99}');
    expect(() => new StateStore(file, () => ({ formatVersion: 1 }))).toThrow('formatVersion 99');
  });

  test('reset and replace', async () => {
    const file = tmpFile('nested/dir/state.json');
    const h = await startEmulator({ persistPath: file });
    try {
      await camClient(h, h.root).CreatePolicy({ PolicyName: 'gone', PolicyDocument: allowPolicy(['tcr:*'], ['*']) });
      const snapshot = h.admin.state();
      h.admin.reset();
      expect((await camClient(h, h.root).ListPolicies({})).TotalNum).toBe(0); // same root keys after reset
      h.admin.mutate((s) => Object.assign(s, snapshot));
      expect((await camClient(h, h.root).ListPolicies({})).TotalNum).toBe(1);
    } finally {
      await h.close();
    }
  });
});

describe('virtual clock', () => {
  test('follows the wall clock with an offset, or stands still when frozen', () => {
    const state: any = {};
    const t0 = virtualNow(state);
    expect(Math.abs(t0 - Date.now())).toBeLessThan(1000);
    advanceClock(state, 3_600_000);
    expect(virtualNow(state) - Date.now()).toBeGreaterThan(3_599_000);
    setClock(state, 1_000, true);
    expect(virtualNow(state)).toBe(1_000);
    advanceClock(state, 500);
    expect(virtualNow(state)).toBe(1_500);
    setClock(state, 2_000);
    expect(virtualNow(state)).toBe(2_000); // stays frozen
    setClock(state, Date.now() + 10_000, false);
    expect(state.clock.frozenAt).toBeUndefined();
    expect(virtualNow(state) - Date.now()).toBeGreaterThan(9_000);
    expect(() => advanceClock(state, -1)).toThrow('non-negative');
    expect(() => setClock(state, NaN)).toThrow('epoch milliseconds');
  });
});
