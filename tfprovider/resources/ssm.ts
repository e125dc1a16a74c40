/**
 * SSM resources, following provider v1.83.25 (see shared/reference/provider-semantics.md).
 */
import { UNKNOWN } from '../codec';
import { Diagnostics, ProviderError } from '../diagnostics';
import { known, Obj } from '../plan';
import { bool, isNotFound, num, orPrior, readBack, splitId, str } from './common';
import { TagResource, tagsRead, tagsWrite } from './tags';
import { ResourceContext, ResourceDefinition } from './types';

/** The provider's SSM resource id for tags: `creatorUin/<CreateUin>/<SecretName>`. */
function secretTags(ctx: ResourceContext, d: { CreateUin?: number; SecretName?: string }): TagResource {
  return { service: 'ssm', type: 'secret', region: ctx.region, id: `creatorUin/${String(d.CreateUin)}/${String(d.SecretName)}` };
}

async function describeSecret(ctx: ResourceContext, name: string): Promise<any | undefined> {
  try {
    return await ctx.api.call('ssm', 'DescribeSecret', { SecretName: name });
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

export const ssmSecret: ResourceDefinition = {
  forceNew: ['secret_name', 'kms_key_id'],
  defaults: { is_enabled: true, recovery_window_in_days: 0 },
  changesOnUpdate: ['status'],
  async create(ctx, p) {
    const name = str(p.secret_name)!;
    const secretType = num(p.secret_type) ?? 0;
    await ctx.api.call('ssm', 'CreateSecret', {
      SecretName: name,
      ...(str(p.description) !== undefined ? { Description: str(p.description) } : {}),
      ...(str(p.kms_key_id) !== undefined ? { KmsKeyId: str(p.kms_key_id) } : {}),
      SecretType: secretType,
      ...(str(p.additional_config) !== undefined ? { AdditionalConfig: str(p.additional_config) } : {}),
      // As the provider: a user-defined secret is created with a placeholder version that is deleted right away.
      ...(secretType === 0 ? { VersionId: 'default', SecretString: 'default' } : {}),
    });
    ctx.created?.(name);
    if (secretType === 0) await ctx.api.call('ssm', 'DeleteSecretVersion', { SecretName: name, VersionId: 'default' });
    if (bool(p.is_enabled) === false) await ctx.api.call('ssm', 'DisableSecret', { SecretName: name });
    // As the provider: tags through the Tag API after the create, on the secret's resource id.
    if (known<Record<string, string>>(p.tags) && Object.keys(known<Record<string, string>>(p.tags)!).length) {
      const d = await describeSecret(ctx, name);
      if (!d) throw new ProviderError(`secret ${name} not found after create`);
      await tagsWrite(ctx, secretTags(ctx, d), null, p.tags);
    }
    return readBack(this, ctx, { ...p, id: name }, `secret ${name} not found after create`);
  },
  async read(ctx, s) {
    const name = String(s.id);
    const d = await describeSecret(ctx, name);
    if (!d || d.Status === 'PendingDelete') return null;
    return {
      ...s,
      secret_name: d.SecretName ?? name,
      description: orPrior(d.Description, s.description),
      kms_key_id: orPrior(d.KmsKeyId, known(s.kms_key_id) ?? null),
      secret_type: d.SecretType ?? known(s.secret_type) ?? 0,
      additional_config: orPrior(d.AdditionalConfig, s.additional_config),
      status: d.Status ?? null,
      is_enabled: d.Status === 'Enabled',
      tags: await tagsRead(ctx, secretTags(ctx, d)),
    };
  },
  async update(ctx, prior, p) {
    const name = String(prior.id);
    const changed = (attr: string) => p[attr] !== UNKNOWN && JSON.stringify(prior[attr] ?? null) !== JSON.stringify(p[attr] ?? null);
    // As the provider's update: these two are immutable without being ForceNew.
    for (const attr of ['secret_type', 'additional_config']) {
      if (changed(attr)) throw new ProviderError(`argument \`${attr}\` cannot be changed`, '', [attr]);
    }
    if (changed('tags')) {
      const d = await describeSecret(ctx, name);
      if (!d) throw new ProviderError(`secret ${name} not found`);
      await tagsWrite(ctx, secretTags(ctx, d), prior.tags, p.tags);
    }
    if ((prior.description ?? null) !== (p.description ?? null)) {
      await ctx.api.call('ssm', 'UpdateDescription', { SecretName: name, Description: str(p.description) ?? '' });
    }
    if (prior.is_enabled !== p.is_enabled) {
      await ctx.api.call('ssm', bool(p.is_enabled) === false ? 'DisableSecret' : 'EnableSecret', { SecretName: name });
    }
    return readBack(this, ctx, { ...prior, ...p, id: name }, `secret ${name} not found after update`);
  },
  async delete(ctx, s) {
    const name = String(s.id);
    // The API only deletes disabled secrets.
    if (bool(s.is_enabled) !== false) await ctx.api.call('ssm', 'DisableSecret', { SecretName: name });
    await ctx.api.call('ssm', 'DeleteSecret', { SecretName: name, RecoveryWindowInDays: num(s.recovery_window_in_days) ?? 0 });
  },
};

/** ExactlyOneOf(secret_string, secret_binary) with SDKv2's wording; unknown counts as set (known at apply). */
function exactlyOne(config: Obj, attrs: string[], diags: Diagnostics): void {
  const list = [...attrs].sort().join(',');
  const set = attrs.filter((a) => config[a] !== null && config[a] !== undefined);
  if (set.length === 0) {
    diags.error('Invalid combination of arguments', `"${attrs[0]}": one of \`${list}\` must be specified`, [attrs[0]]);
  } else if (set.length > 1) {
    diags.error('Invalid combination of arguments',
      `"${set[0]}": only one of \`${list}\` can be specified, but \`${[...set].sort().join(',')}\` were specified.`, [set[0]]);
  }
}

export const ssmSecretVersion: ResourceDefinition = {
  forceNew: ['secret_name', 'version_id'],
  validate(config, diags) {
    exactlyOne(config, ['secret_string', 'secret_binary'], diags);
  },
  async create(ctx, p) {
    const name = str(p.secret_name)!;
    const version = str(p.version_id)!;
    await ctx.api.call('ssm', 'PutSecretValue', {
      SecretName: name,
      VersionId: version,
      ...(str(p.secret_string) !== undefined ? { SecretString: str(p.secret_string) } : {}),
      ...(str(p.secret_binary) !== undefined ? { SecretBinary: str(p.secret_binary) } : {}),
    });
    ctx.created?.(`${name}#${version}`);
    return readBack(this, ctx, { ...p, id: `${name}#${version}` }, `secret version ${name}#${version} not found after create`);
  },
  async read(ctx, s) {
    const [name, version] = splitId(String(s.id), 2, '<secretName>#<versionId>');
    const d = await describeSecret(ctx, name);
    if (!d || d.Status === 'PendingDelete') return null;
    const versions = await ctx.api.call('ssm', 'ListSecretVersionIds', { SecretName: name });
    if (!(versions.Versions ?? []).some((v: any) => v.VersionId === version)) return null;
    const out: Obj = { ...s, secret_name: name, version_id: version };
    if (d.Status === 'Enabled') {
      // The provider stores the value in state (attributes not Sensitive); it is read back, never logged.
      const v = await ctx.api.call('ssm', 'GetSecretValue', { SecretName: name, VersionId: version });
      out.secret_string = orPrior(v.SecretString, s.secret_string);
      out.secret_binary = orPrior(v.SecretBinary, s.secret_binary);
    }
    return out;
  },
  async update(ctx, prior, p) {
    const [name, version] = splitId(String(prior.id), 2, '<secretName>#<versionId>');
    await ctx.api.call('ssm', 'UpdateSecret', {
      SecretName: name,
      VersionId: version,
      ...(str(p.secret_string) !== undefined ? { SecretString: str(p.secret_string) } : {}),
      ...(str(p.secret_binary) !== undefined ? { SecretBinary: str(p.secret_binary) } : {}),
    });
    return readBack(this, ctx, { ...prior, ...p, id: prior.id }, `secret version ${name}#${version} not found after update`);
  },
  async delete(ctx, s) {
    const [name, version] = splitId(String(s.id), 2, '<secretName>#<versionId>');
    try {
      await ctx.api.call('ssm', 'DeleteSecretVersion', { SecretName: name, VersionId: version });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  },
};

/** Plugin-framework resource: validated and planned only (ConflictsWith among its three value attributes). */
export function validateSecretVersionV2(config: Obj, diags: Diagnostics): void {
  const attrs = ['secret_string', 'secret_binary', 'secret_string_wo'];
  const set = attrs.filter((a) => config[a] !== null && config[a] !== undefined);
  if (set.length > 1) {
    diags.error('Invalid Attribute Combination', `Attributes ${set.join(' and ')} cannot be specified together.`, [set[1]]);
  }
}
