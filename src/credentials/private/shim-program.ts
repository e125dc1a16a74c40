/**
 * What the credential constructs share: the bundled `tcr-credentials` program as one TerraformAsset per stack,
 * and a `terraform_data` whose `local-exec` provisioners run it with `node`. Arguments go through `interpreter`
 * (an argv list, no shell), so no value needs quoting; every one of them is read from `self.input`, the only
 * thing a destroy-time provisioner may reference.
 */
import * as fs from 'fs';
import * as path from 'path';
import { AssetType, DataResource, ITerraformDependable, TerraformAsset, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { camActionFor, instanceArn, tcrApi, TcrResourceLevel } from '../../cam/catalog';
import type { CredentialPermissionStatement } from '../permission-statement';
import type { SecretStore } from '../secret-store';

/** Built by `npx projen bundle` (scripts/bundle.ts); shipped in the package's bundle/ folder. */
export const SHIM_BUNDLE_PATH = path.resolve(__dirname, '..', '..', '..', 'bundle', 'tcr-credentials.js');
const ASSET_ID = 'TcrCredentialsProgram';

function programAsset(scope: Construct): TerraformAsset {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(ASSET_ID);
  if (existing) return existing as TerraformAsset;
  if (!fs.existsSync(SHIM_BUNDLE_PATH)) {
    throw new Error(`The tcr-credentials program is missing at ${SHIM_BUNDLE_PATH}; in a checkout of this repository run \`npx projen bundle\` first.`);
  }
  return new TerraformAsset(stack, ASSET_ID, { path: SHIM_BUNDLE_PATH, type: AssetType.FILE });
}

/**
 * `--flag=${self.input.key}` for each flag (input keys are the flags in snake case); one argument each, so that a
 * value starting with "-" is never taken for a flag.
 */
function argv(flags: readonly string[]): string[] {
  return flags.map((flag) => `--${flag}=\${self.input.${flag.replace(/-/g, '_')}}`);
}

export interface ProgramRun {
  /** Every value the commands need, keyed by flag name; stored in `input` and in `triggers_replace`. */
  readonly inputs: Record<string, string | number>;
  readonly createCommand: readonly string[];
  readonly createFlags: readonly string[];
  readonly destroyCommand: readonly string[];
  readonly destroyFlags: readonly string[];
  readonly dependsOn?: ITerraformDependable[];
  /** Resource addresses (`type.name`) whose replacement or update replaces this one. */
  readonly replaceTriggeredBy?: string[];
}

export function programResource(scope: Construct, run: ProgramRun): DataResource {
  const asset = programAsset(scope);
  const input: Record<string, string | number> = {};
  for (const [flag, value] of Object.entries(run.inputs)) input[flag.replace(/-/g, '_')] = value;
  const provisioner = (command: readonly string[], flags: readonly string[], when: 'create' | 'destroy') => {
    const args = [...command, ...argv(flags)];
    return {
      type: 'local-exec' as const,
      interpreter: ['node', asset.path, ...args.slice(0, -1)],
      command: args[args.length - 1],
      when,
    };
  };
  return new DataResource(scope, 'Resource', {
    input,
    // Any change of what the credential is (instance, store, type, owner, ...) replaces it: the old one is
    // deleted by the destroy provisioner, the new one minted by the create provisioner.
    triggersReplace: input,
    provisioners: [
      provisioner(run.createCommand, run.createFlags, 'create'),
      provisioner(run.destroyCommand, run.destroyFlags, 'destroy'),
    ],
    dependsOn: run.dependsOn,
    lifecycle: run.replaceTriggeredBy ? { replaceTriggeredBy: run.replaceTriggeredBy } : undefined,
  });
}

/** The resource of a TCR API as the catalog gives its level: the instance, or `*` for operation-level APIs. */
function tcrResource(api: string, region: string, instanceId: string): string {
  return tcrApi(api).resourceLevel === TcrResourceLevel.INSTANCE ? instanceArn(region, '', instanceId) : '*';
}

/** CAM statements for the given TCR APIs (grouped by resource) and the SSM actions on the store's secret. */
export function permissionStatements(
  region: string, instanceId: string, tcrApis: readonly string[], store: SecretStore,
): CredentialPermissionStatement[] {
  const byResource = new Map<string, Set<string>>();
  const add = (resource: string, action: string) => byResource.set(resource, (byResource.get(resource) ?? new Set()).add(action));
  for (const api of tcrApis) add(tcrResource(api, region, instanceId), camActionFor(api));
  if (store.secretName !== undefined) {
    const secret = `qcs::ssm:${region}:uin/:secret/${store.secretName}`;
    for (const action of SSM_DEPLOY_ACTIONS) add(secret, `ssm:${action}`);
    if (store.recoveryWindowDays > 0) {
      // A deploy after a destroy with a recovery window restores the secret; finding it is a tag search.
      for (const action of ['RestoreSecret', 'EnableSecret']) add(secret, `ssm:${action}`);
      add(`qcs::ssm:${region}:uin/:secret/*`, 'ssm:ListSecrets');
    }
  }
  return [...byResource].map(([resource, actions]) => ({ effect: 'allow', actions: [...actions].sort(), resources: [resource] }));
}

/** What `create` (first and repeated, re-mint into a new version, pruning) and `delete` call on the secret. */
const SSM_DEPLOY_ACTIONS = [
  'ListSecretVersionIds', 'GetSecretValue', 'CreateSecret', 'PutSecretValue', 'DeleteSecretVersion',
  'DescribeSecret', 'DisableSecret', 'DeleteSecret',
];
