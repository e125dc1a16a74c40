#!/usr/bin/env node
// Pull/merge request: post the plan written by plan.sh as a comment, on GitHub (GITHUB_ACTIONS) or GitLab
// (GITLAB_CI). Uses only Node's own fetch; the token goes in a header and is never printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MAX_BODY = 60_000; // GitHub refuses comments over 65,536 characters

function fail(message) {
  console.error(`comment-plan: ${message}`);
  process.exit(1);
}

function need(name) {
  const value = process.env[name];
  if (!value) fail(`${name} is not set`);
  return value;
}

const outdir = process.env.CDKTF_OUTDIR ?? join(process.cwd(), 'cdktf.out');
const stack = process.env.STACK ?? 'registry';
const plan = readFileSync(join(outdir, 'plan.txt'), 'utf8');
const summary = /^(Plan: .*|No changes\..*)$/m.exec(plan)?.[1] ?? 'see the full plan';
let text = plan.trim();
if (text.length > MAX_BODY) text = `${text.slice(0, MAX_BODY)}\n... (cut; the full plan is in the job log)`;
const body = [`### terraform plan: \`${stack}\``, '', `**${summary}**`, '', '<details><summary>full plan</summary>', '', '```', text, '```', '</details>'].join('\n');

let url;
let headers;
if (process.env.GITHUB_ACTIONS) {
  url = `${need('GITHUB_API_URL')}/repos/${need('GITHUB_REPOSITORY')}/issues/${need('PR_NUMBER')}/comments`;
  headers = { authorization: `Bearer ${need('GITHUB_TOKEN')}`, accept: 'application/vnd.github+json' };
} else if (process.env.GITLAB_CI) {
  url = `${need('CI_API_V4_URL')}/projects/${need('CI_PROJECT_ID')}/merge_requests/${need('CI_MERGE_REQUEST_IID')}/notes`;
  headers = { 'private-token': need('GITLAB_TOKEN') };
} else {
  fail('neither GITHUB_ACTIONS nor GITLAB_CI is set: run this in a pull/merge request pipeline');
}

const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ body }) });
if (!response.ok) fail(`POST ${url} answered ${response.status} ${response.statusText}`);
console.log(`comment-plan: posted "${summary}" to ${url}`);
