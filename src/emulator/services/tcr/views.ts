/**
 * TCR response views: how the model's records appear in API responses (field names and formats of the SDK's
 * response models). Times are ISO-8601 strings; `ExpiresAt`, `ExpTime` and `ExpiredAt` are epoch milliseconds.
 */
import { DAY_MS, TcrImageRecord, TcrInstanceRecord, TcrNamespaceRecord, TcrReplicaRecord, TcrServiceAccountRecord, TcrTokenRecord } from './model';
import { REGISTRY_DOMAIN_SUFFIX, SERVICE_ACCOUNT_PREFIX, TEMP_TOKEN_VALIDITY_MS } from '../../../validation/name-rules';
import { REGION_NUMERIC_IDS } from '../../../validation/regions';
import { own } from '../../params';


export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function registryView(instance: TcrInstanceRecord): Record<string, unknown> {
  return {
    RegistryId: instance.id,
    RegistryName: instance.name,
    RegistryType: instance.type,
    Status: instance.status,
    PublicDomain: `${instance.name}${REGISTRY_DOMAIN_SUFFIX}`,
    // INFERRED: the VPC (internal) domain as the console shows it, `<name>-vpc.tencentcloudcr.com`.
    InternalEndpoint: `${instance.name}-vpc${REGISTRY_DOMAIN_SUFFIX}`,
    CreatedAt: iso(instance.createdAt),
    RegionName: instance.region,
    RegionId: own(REGION_NUMERIC_IDS, instance.region) ?? 0,
    EnableAnonymous: false,
    TokenValidTime: TEMP_TOKEN_VALIDITY_MS / 1000,
    TagSpecification: { ResourceType: 'instance', Tags: instance.tags.map((t) => ({ ...t })) },
    ExpiredAt: instance.chargeType === 1 ? iso((instance.prepaidFrom ?? instance.createdAt) + instance.prepaidMonths * 30 * DAY_MS) : '',
    PayMod: instance.chargeType,
    RenewFlag: instance.renewFlag,
    DeletionProtection: instance.deletionProtection,
    EnableCosMAZ: instance.enableCosMAZ,
    EnableCosVersioning: instance.enableCosVersioning,
  };
}

/** DescribeReplicationInstances' ReplicationRegistry. */
export function replicaView(instance: TcrInstanceRecord, replica: TcrReplicaRecord, status: string): Record<string, unknown> {
  return {
    RegistryId: instance.id,
    ReplicationRegistryId: replica.id,
    ReplicationRegionId: replica.regionId,
    ReplicationRegionName: replica.regionName,
    Status: status,
    CreatedAt: iso(replica.createdAt),
  };
}

export function namespaceView(namespace: TcrNamespaceRecord): Record<string, unknown> {
  return {
    Name: namespace.name,
    CreationTime: iso(namespace.createdAt),
    Public: namespace.isPublic,
    NamespaceId: namespace.namespaceId,
    TagSpecification: { ResourceType: 'namespace', Tags: namespace.tags.map((t) => ({ ...t })) },
    Metadata: [],
    CVEWhitelistItems: namespace.cveWhitelist.map((id) => ({ CVEID: id })),
    AutoScan: namespace.autoScan,
    PreventVUL: namespace.preventVUL,
    Severity: namespace.severity,
  };
}

export function imageView(image: TcrImageRecord): Record<string, unknown> {
  return { Digest: image.digest, Size: image.size, ImageVersion: image.tag, UpdateTime: iso(image.updatedAt), Kind: 'image', KmsSignature: '' };
}

/** Permissions only with EmbedPermission; never the password (it is not stored). */
export function serviceAccountView(account: TcrServiceAccountRecord, embedPermission: boolean): Record<string, unknown> {
  return {
    Name: `${SERVICE_ACCOUNT_PREFIX}${account.name}`,
    Description: account.description,
    Disable: account.disabled,
    ExpiresAt: account.expiresAt,
    CreateTime: iso(account.createdAt),
    UpdateTime: iso(account.updatedAt),
    ...(embedPermission ? { Permissions: account.permissions.map((p) => ({ Resource: p.resource, Actions: [...p.actions] })) } : {}),
  };
}

export function tokenView(instance: TcrInstanceRecord, token: TcrTokenRecord): Record<string, unknown> {
  return {
    Id: token.id,
    Desc: token.description,
    RegistryId: instance.id,
    Enabled: token.enabled,
    CreatedAt: iso(token.createdAt),
    ExpiredAt: token.expiresAt,
  };
}
