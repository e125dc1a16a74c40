import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BinDescription, answerInfoRequest, helpText, infoRequest, packageVersion, usageText } from '../../src/cli/bin-info';

const BIN: BinDescription = {
  name: 'demo-tool',
  usage: ['run [--fast]', 'env'],
  summary: 'Does a demo.',
  options: [['--fast', 'go fast'], ['--endpoint HOST:PORT', 'where to go']],
};

const repoVersion: string = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version;

describe('bin --help / --version', () => {
  test('infoRequest: help wins wherever it stands, then --version, else a normal run', () => {
    expect(infoRequest(['deploy', '-h'])).toBe('help');
    expect(infoRequest(['--version', '--help'])).toBe('help');
    expect(infoRequest(['--version'])).toBe('version');
    expect(infoRequest(['deploy', '--stack', 'x'])).toBeUndefined();
    expect(infoRequest([])).toBeUndefined();
  });

  test('usage and help name every form, every option and the version', () => {
    expect(usageText(BIN)).toBe('usage: demo-tool run [--fast]\n       demo-tool env');
    const help = helpText(BIN);
    expect(help).toContain('usage: demo-tool run [--fast]');
    expect(help).toContain('Does a demo.');
    expect(help).toMatch(/^ {2}--endpoint HOST:PORT {2}where to go$/m);
    expect(help).toMatch(/^ {2}--fast {16}go fast$/m);
    expect(help).toMatch(/^ {2}-h, --help {12}show this help and exit$/m);
    expect(help.endsWith(`cdktf-tencentcloud-tcr ${repoVersion}`)).toBe(true);
  });

  test('answerInfoRequest writes the text and says whether it did', () => {
    const out: string[] = [];
    expect(answerInfoRequest(BIN, ['--version'], (t) => out.push(t))).toBe(true);
    expect(answerInfoRequest(BIN, ['-h'], (t) => out.push(t))).toBe(true);
    expect(answerInfoRequest(BIN, ['run'], (t) => out.push(t))).toBe(false);
    expect(out).toEqual([`demo-tool ${repoVersion}`, helpText(BIN)]);
  });

  test('packageVersion walks up to the package, and fails loudly outside it', () => {
    expect(packageVersion(path.join(__dirname, 'deep', 'er'))).toBe(repoVersion);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'bin-info-'));
    fs.writeFileSync(path.join(outside, 'package.json'), JSON.stringify({ name: 'someone-else', version: '9.9.9' }));
    expect(() => packageVersion(outside)).toThrow(`package.json of cdktf-tencentcloud-tcr not found above ${outside}`);
  });
});
