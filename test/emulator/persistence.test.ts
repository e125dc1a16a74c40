import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { allowPolicy, camClient, sdkError } from './helpers';
import { startEmulator } from '../../src/emulator';
import { StateStore, advanceClock, setClock, virtualNow } from '../../src/emulator/store';

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
