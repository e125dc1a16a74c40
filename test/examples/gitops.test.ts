/*
 * examples/gitops: the pipeline files are valid (GitHub's own workflow parser; GitLab's file and the Kubernetes
 * manifest structurally, since no npm package ships their schemas as files), every step calls a script of the
 * example that exists, and those scripts run against tcr-local: plan on a pull request (and its comment posted to
 * a fake GitHub and GitLab API), apply on main, a scheduled rotation, and a second plan that is empty.
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import * as esbuild from 'esbuild';
import * as YAML from 'yaml';
import { buildShimBundle } from '../../scripts/bundle-shim';
import { envLines } from '../../src/local/cli';
import { startLocal } from '../../src/local/local-run';
import { installPlugin, PROVIDER_VERSION } from '../../tfprovider/harness/terraform';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'gitops');
const GITHUB_WORKFLOW = path.join(EXAMPLE, '.github', 'workflows', 'registry.yml');
const TOKEN_CANARY = 'ghp_CANARY0000000000000000000000000000';

/**
 * Errors of GitHub's own workflow parser (the one behind the Actions editor). It is an ES module importing its JSON
 * schema without import attributes, which neither jest's CommonJS runtime nor Node 20 loads: esbuild bundles it
 * into one CommonJS file first.
 */
function workflowParserErrors(file: string): string[] {
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-parser-')), 'parser.js');
  esbuild.buildSync({
    stdin: { contents: "export { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';", resolveDir: path.join(__dirname, '..', '..') },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const parser = require(outfile);
  const result = parser.parseWorkflow({ name: path.basename(file), content: fs.readFileSync(file, 'utf8') }, new parser.NoOperationTraceWriter());
  return result.context.errors.getErrors().map((e: { message: string }) => e.message);
}

interface ScriptRun {
  readonly status: number | null;
  readonly out: string;
}

/** The `run:` / `script:` lines of the pipelines must name scripts of the example, which must exist. */
function scriptsNamed(commands: readonly string[]): string[] {
  const named = commands.flatMap((c) => [...c.matchAll(/(?:\.\/|node )(scripts\/[\w.-]+)/g)].map((m) => m[1]));
  for (const s of named) expect({ script: s, exists: fs.existsSync(path.join(EXAMPLE, s)) }).toEqual({ script: s, exists: true });
  return [...new Set(named)].sort();
}

describe('the pipeline files', () => {
  test("GitHub's workflow parser accepts the workflow; its jobs run plan+comment, apply and rotate", () => {
    const content = fs.readFileSync(GITHUB_WORKFLOW, 'utf8');
    expect(workflowParserErrors(GITHUB_WORKFLOW)).toEqual([]);
    // The parser is not vacuous: a step that is neither `run` nor `uses` is reported.
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-')), 'broken.yml');
    fs.writeFileSync(broken, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - bogus: 1\n');
    expect(workflowParserErrors(broken).length).toBeGreaterThan(0);
    const doc = YAML.parse(content);
    expect(Object.keys(doc.on).sort()).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    const runs = (job: string): string[] => doc.jobs[job].steps.filter((s: any) => s.run).map((s: any) => s.run);
    expect(scriptsNamed(runs('plan'))).toEqual(['scripts/comment-plan.mjs', 'scripts/plan.sh']);
    expect(scriptsNamed(runs('apply'))).toEqual(['scripts/apply.sh']);
    expect(scriptsNamed(runs('rotate'))).toEqual(['scripts/rotate.sh']);
    expect(doc.jobs.plan.permissions['pull-requests']).toBe('write');
    expect(doc.jobs.apply.if).toContain("github.ref == 'refs/heads/main'");
  });

  test('the GitLab file has the three jobs on the right events, each calling scripts of the example', () => {
    const doc = YAML.parse(fs.readFileSync(path.join(EXAMPLE, '.gitlab-ci.yml'), 'utf8'));
    expect(doc.stages).toEqual(['plan', 'apply', 'rotate']);
    for (const [job, event] of [['plan', 'merge_request_event'], ['apply', 'push'], ['rotate', 'schedule']]) {
      expect(doc[job].stage).toBe(job);
      expect(doc[job].rules[0].if).toContain(`"${event}"`);
    }
    expect(scriptsNamed(doc.plan.script)).toEqual(['scripts/comment-plan.mjs', 'scripts/plan.sh']);
    expect(scriptsNamed(doc.apply.script)).toEqual(['scripts/apply.sh']);
    expect(scriptsNamed(doc.rotate.script)).toEqual(['scripts/rotate.sh']);
    expect(doc.apply.extends).toBe('.serialized');
    expect(doc['.serialized'].resource_group).toBeDefined();
  });

  test('the Kubernetes CronJob refreshes the pull secret with flags tcr-credentials accepts', () => {
    const docs = YAML.parseAllDocuments(fs.readFileSync(path.join(EXAMPLE, 'k8s', 'pull-secret-refresh.yaml'), 'utf8')).map((d) => d.toJS());
    expect(docs.map((d) => `${d.apiVersion} ${d.kind}`)).toEqual([
      'v1 ServiceAccount', 'rbac.authorization.k8s.io/v1 Role', 'rbac.authorization.k8s.io/v1 RoleBinding', 'batch/v1 CronJob',
    ]);
    const cron = docs[3];
    expect(cron.spec.schedule).toMatch(/^(\S+ ){4}\S+$/);
    const pod = cron.spec.jobTemplate.spec.template.spec;
    expect(pod.serviceAccountName).toBe(docs[0].metadata.name);
    expect(pod.volumes[0].emptyDir.medium).toBe('Memory');
    const rotate: string[] = pod.initContainers[0].command;
    const flags = rotate.slice(rotate.indexOf('rotate') + 1).filter((a) => a.startsWith('--'));
    const help = execFileSync(process.execPath, [buildShimBundle(), 'rotate', '--help'], { encoding: 'utf8' });
    for (const flag of flags) expect(help).toContain(`${flag} `);
    expect(pod.containers[0].args[0]).toContain('--type=kubernetes.io/dockerconfigjson');
  });

  test('with TF_STATE_BUCKET the app keeps its state in COS', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'gitops-cos-'));
    execFileSync('bash', ['-c', JSON.parse(fs.readFileSync(path.join(EXAMPLE, 'cdktf.json'), 'utf8')).app], {
      cwd: EXAMPLE, env: { ...process.env, CDKTF_OUTDIR: outdir, TF_STATE_BUCKET: 'tfstate-1250000000' },
    });
    const doc = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'registry', 'cdk.tf.json'), 'utf8'));
    expect(doc.terraform.backend).toEqual({ cos: { bucket: 'tfstate-1250000000', prefix: 'registry', region: 'ap-guangzhou', encrypt: true } });
  });
});

describe('the pipeline scripts, run against tcr-local', () => {
  test('plan on a pull request with a comment, apply on main, rotate, and an empty plan after', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gitops-run-'));
    const bin = path.join(work, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'tcr-credentials'), `#!/bin/sh\nexec "${process.execPath}" "${buildShimBundle()}" "$@"\n`, { mode: 0o755 });
    const plugin = { bundle: installPlugin().bundle, version: PROVIDER_VERSION };

    const comments: Array<{ url: string; auth: string; body: string }> = [];
    const api = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c) => { data += c; });
      req.on('end', () => {
        comments.push({ url: req.url!, auth: String(req.headers.authorization ?? req.headers['private-token']), body: JSON.parse(data).body });
        res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;

    const runs: Record<string, ScriptRun> = {};
    try {
      await startLocal({
        appDir: work,
        plugin,
        out: () => undefined,
        waitWhileKept: async () => {
          // What a pipeline does after `eval "$(tcr-local env)"`.
          const env: NodeJS.ProcessEnv = {
            ...process.env,
            PATH: `${bin}${path.delimiter}${process.env.PATH}`,
            CDKTF_OUTDIR: path.join(work, 'cdktf.out'),
            LOCAL_STATE_FILE: path.join(work, 'registry.tfstate'),
            TF_STATE_BUCKET: '',
            CREDENTIAL_PREFIX: 'registry-',
          };
          for (const line of envLines(work)) {
            const m = /^export (\w+)=(.*)$/.exec(line)!;
            env[m[1]] = execFileSync('bash', ['-c', `printf %s ${m[2]}`], { encoding: 'utf8' });
          }
          // Asynchronous: the emulator answers from this process, so a synchronous spawn would block it.
          const run = async (name: string, cmd: string[], extra: NodeJS.ProcessEnv = {}) => {
            const child = spawn(cmd[0], cmd.slice(1), { cwd: EXAMPLE, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
            let out = '';
            child.stdout.on('data', (c) => { out += c; });
            child.stderr.on('data', (c) => { out += c; });
            const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
            const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
            clearTimeout(timer);
            runs[name] = { status, out };
            expect({ name, status, out: status === 0 ? '' : out }).toEqual({ name, status: 0, out: '' });
          };
          await run('plan', ['./scripts/plan.sh']);
          await run('comment-github', ['node', 'scripts/comment-plan.mjs'],
            { GITHUB_ACTIONS: 'true', GITHUB_API_URL: apiUrl, GITHUB_REPOSITORY: 'acme/registry', PR_NUMBER: '7', GITHUB_TOKEN: TOKEN_CANARY });
          await run('comment-gitlab', ['node', 'scripts/comment-plan.mjs'],
            { GITLAB_CI: 'true', CI_API_V4_URL: `${apiUrl}/api/v4`, CI_PROJECT_ID: '42', CI_MERGE_REQUEST_IID: '3', GITLAB_TOKEN: TOKEN_CANARY });
          await run('apply', ['./scripts/apply.sh']);
          // What the credential constructs' provisioner does at deploy: a token delivered to SSM under the prefix.
          const instanceId = /instance_id = "(tcr-\w+)"/.exec(runs.apply.out)![1];
          await run('deliver', ['tcr-credentials', 'token', 'create', '--instance-id', instanceId, '--registry-domain', 'gitops-registry.tencentcloudcr.com',
            '--store', 'ssm:registry-ci-token', '--owner', 'registry-ci-token']);
          await run('rotate', ['./scripts/rotate.sh'], { GRACE_SECONDS: '0' });
          await run('replan', ['./scripts/plan.sh']);
        },
      });
    } finally {
      api.close();
    }

    expect(runs.plan.out).toContain('Plan: 4 to add, 0 to change, 0 to destroy.');
    expect(comments.map((c) => [c.url, c.auth])).toEqual([
      ['/repos/acme/registry/issues/7/comments', `Bearer ${TOKEN_CANARY}`],
      ['/api/v4/projects/42/merge_requests/3/notes', TOKEN_CANARY],
    ]);
    for (const c of comments) expect(c.body).toMatch(/^### terraform plan: `registry`\n\n\*\*Plan: 4 to add, 0 to change, 0 to destroy\.\*\*/);
    expect(runs.apply.out).toContain('Apply complete! Resources: 4 added, 0 changed, 0 destroyed.');
    expect(runs.rotate.out).toMatch(/"rotated":\s*1/);
    expect(runs.replan.out).toContain('No changes. Your infrastructure matches the configuration.');
    // Secrets: the API token never printed; the emulator's SecretKey neither.
    const all = Object.values(runs).map((r) => r.out).join('\n');
    expect(all).not.toContain(TOKEN_CANARY);
  });
});
