import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chooseStack, readCdktfApp, synthesize, synthesizedStacks } from '../../src/local/cdktf-app';

function dir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tcr-local-cdktf-'));
}

describe('a cdktf app directory', () => {
  test('cdktf.json gives the synth command and the output directory', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'cdktf.json'), JSON.stringify({ app: 'node main.js', output: 'out' }));
    expect(readCdktfApp(d)).toEqual({ dir: d, command: 'node main.js', outdir: path.join(d, 'out') });
    fs.writeFileSync(path.join(d, 'cdktf.json'), JSON.stringify({ app: 42 }));
    expect(() => readCdktfApp(d)).toThrow('"app" must be the command that synthesizes the app, got 42');
  });

  test('an output without cdktf.json is taken as it is; a synth without a command is refused', async () => {
    const d = dir();
    fs.mkdirSync(path.join(d, 'cdktf.out', 'stacks', 'a'), { recursive: true });
    fs.writeFileSync(path.join(d, 'cdktf.out', 'manifest.json'), JSON.stringify({ stacks: { a: { name: 'a', workingDirectory: 'stacks/a' } } }));
    const app = readCdktfApp(d);
    expect(app).toEqual({ dir: d, outdir: path.join(d, 'cdktf.out') });
    expect(synthesizedStacks(app)).toEqual({ a: path.join(d, 'cdktf.out', 'stacks', 'a') });
    await expect(synthesize(app, () => undefined)).rejects.toThrow('has no "app" command to synthesize with');
  });

  test('the synth command runs with CDKTF_OUTDIR and its output is passed on line by line', async () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'cdktf.json'), JSON.stringify({ app: 'echo "out=$CDKTF_OUTDIR"; echo warn >&2' }));
    const lines: string[] = [];
    await synthesize(readCdktfApp(d), (l) => lines.push(l));
    expect(lines.sort()).toEqual([`out=${path.join(d, 'cdktf.out')}`, 'warn']);
  });

  test('choosing a stack', () => {
    expect(chooseStack({ only: '/x' })).toBe('only');
    expect(chooseStack({ a: '/a', b: '/b' }, 'b')).toBe('b');
    expect(() => chooseStack({ b: '/b', a: '/a' })).toThrow('the app has 2 stacks: choose one with --stack (a, b)');
    expect(() => chooseStack({ a: '/a' }, 'c')).toThrow('--stack "c" is not a stack of this app; its stacks: a');
    expect(() => chooseStack({})).toThrow('the app synthesized no stacks');
  });
});
