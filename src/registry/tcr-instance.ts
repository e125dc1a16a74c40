import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import {
  FULL_ACCESS, ISSUE_TOKENS_ACCESS, MANAGE_NAMESPACES_ACCESS, MANAGE_SERVICE_ACCOUNTS_ACCESS, READ_ACCESS,
} from '../cam/access-lists';
import { instanceArn, repositoryArn } from '../cam/catalog';
import { tcrInstance } from '../providers/tencentcloud';
import { checkAccountUin } from '../validation/cam-name-rules';
import {
  ALLOWLIST_PUBLIC_ACCESS_RULE, checkCidrBlock, checkInstanceName, checkPrepaidPeriodMonths, REPLICATION_EDITION_RULE,
  REGISTRY_DOMAIN_SUFFIX, UNIQUE_INSTANCE_NAME_RULE,
} from '../validation/name-rules';
import { checkRegion, REGION_RULE, UNIQUE_REPLICATION_REGION_RULE } from '../validation/regions';
import { stackOwnerUin, stackProviderRegion } from './private/arn-context';
import { earlierOwnedInstanceWithSameName, NamedMember, registerOwnedInstance } from './private/instance-members';
import { checkLiteral, checkTags, problem } from './private/validation';
import { TcrBilling } from './tcr-billing';
import type { ITcrInstanceGrantee } from './tcr-grantee';
import { TcrInstanceType } from './tcr-instance-type';
import { TcrNamespace, TcrNamespaceOptions } from './tcr-namespace';
import { TcrServiceAccount, TcrServiceAccountOptions } from './tcr-service-account';

/** A TCR Enterprise instance, owned by this stack or imported. */
export interface ITcrInstance extends IConstruct {
  /** Instance (registry) ID, e.g. `tcr-abcd1234`. A token for an instance created by this stack. */
  readonly instanceId: string;
  /** Instance name, the first label of the registry domain. */
  readonly name: string;
  /** Registry domain used by `docker login`: `<name>.tencentcloudcr.com`. */
  readonly registryDomain: string;
  /** Region of the instance, when known (used to build CAM resource descriptions). */
  readonly region?: string;
  /**
   * UIN of the root account that owns the instance, as used in CAM resource descriptions: the `accountUin`
   * given, else `owner_uin` of one `tencentcloud_user_info` data source per stack (created on first use).
   */
  readonly accountUin: string;
  /**
   * Region segment of this instance's CAM resource descriptions: the instance's region, else the region of the
   * stack's default tencentcloud provider, else empty (which CAM reads as every region).
   */
  readonly arnRegion: string;
  /** CAM resource of the instance: `qcs::tcr:<region>:uin/<uin>:instance/<instanceId>`. */
  readonly instanceArn: string;
  /** CAM resource of every namespace and repository of the instance: `qcs::tcr:<region>:uin/<uin>:repository/<instanceId>/*`. */
  readonly repositoriesArn: string;

  /** Creates a namespace in this instance. */
  addNamespace(id: string, options: TcrNamespaceOptions): TcrNamespace;
  /** Creates a service account in this instance. */
  addServiceAccount(id: string, options: TcrServiceAccountOptions): TcrServiceAccount;
  /** Lets a CAM principal describe the instance, its namespaces, repositories and images (list: `READ_ACCESS`). */
  grantRead(grantee: ITcrInstanceGrantee): void;
  /** Lets a CAM principal create, modify, delete and list the instance's namespaces (list: `MANAGE_NAMESPACES_ACCESS`). */
  grantManageNamespaces(grantee: ITcrInstanceGrantee): void;
  /** Lets a CAM principal manage service accounts (list: `MANAGE_SERVICE_ACCOUNTS_ACCESS`; resource `*`). */
  grantManageServiceAccounts(grantee: ITcrInstanceGrantee): void;
  /** Lets a CAM principal create, list, modify and delete instance tokens (list: `ISSUE_TOKENS_ACCESS`). */
  grantIssueTokens(grantee: ITcrInstanceGrantee): void;
  /** Lets a CAM principal do everything on the instance and its repositories (list: `FULL_ACCESS`). */
  grantFullAccess(grantee: ITcrInstanceGrantee): void;
}

/** Attributes of an existing instance, for `TcrInstance.fromInstanceAttributes`. */
export interface TcrInstanceAttributes {
  /** Instance ID, e.g. `tcr-abcd1234`. */
  readonly instanceId: string;
  /** Instance name (the registry domain is `<name>.tencentcloudcr.com`). */
  readonly name: string;
  /**
   * Region of the instance: a Tencent Cloud region id, or `""` for CAM resource descriptions that match the
   * instance in every region (`qcs::tcr:::instance/...`).
   * @default - unknown: the region of the stack's default tencentcloud provider is used in CAM resources
   */
  readonly region?: string;
  /**
   * UIN of the root account that owns the instance (used in CAM resource descriptions).
   * @default - `owner_uin` of a `tencentcloud_user_info` data source of the stack
   */
  readonly accountUin?: string;
}

/** One entry of the public-access allowlist. */
export interface TcrAllowListEntry {
  /** IPv4 address or CIDR block allowed to reach the public endpoint. */
  readonly cidrBlock: string;
  /**
   * Why this source is allowed.
   * @default - no description
   */
  readonly description?: string;
}

/** Properties of a TCR Enterprise instance. */
export interface TcrInstanceProps {
  /**
   * Instance name: 5-50 lowercase letters, digits and "-", starting with a letter. It becomes the registry
   * domain `<name>.tencentcloudcr.com`, so it must be globally unique. Changing it replaces the instance (the provider
   * forces a new resource): keep `deletionProtection` on so a rename cannot silently delete the images.
   */
  readonly name: string;
  /**
   * Edition.
   * @default TcrInstanceType.BASIC
   */
  readonly instanceType?: TcrInstanceType;
  /**
   * Tags on the instance.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
  /**
   * Refuse deletion of the instance (and all its images) until protection is turned off.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Open the public endpoint. When false the instance is only reachable through VPC attachments.
   * Leaving it unset is not "unmanaged": the provider's default for `open_public_operation` is false (provider
   * source, not in the pinned schema), so an endpoint opened in the console is closed again on the next apply.
   * @default false
   */
  readonly publicAccess?: boolean;
  /**
   * Sources allowed on the public endpoint (requires `publicAccess: true`).
   * @default - no allowlist entries
   */
  readonly publicAccessAllowList?: TcrAllowListEntry[];
  /**
   * Regions (e.g. `ap-shanghai`) to replicate the instance to. Premium edition only.
   * @default - no replication
   */
  readonly replicationRegions?: string[];
  /**
   * Billing.
   * @default TcrBilling.postpaid()
   */
  readonly billing?: TcrBilling;
  /**
   * Enable multi-AZ storage of the instance's COS bucket.
   * @default - service default (off)
   */
  readonly cosMultiAz?: boolean;
  /**
   * Enable versioning of the instance's COS bucket.
   * @default - service default (on for premium, off otherwise)
   */
  readonly cosVersioning?: boolean;
  /**
   * Delete the COS bucket holding the images when the instance is destroyed.
   * @default false
   */
  readonly deleteBucketOnDestroy?: boolean;
  /**
   * UIN of the root account the instance is created in, used in CAM resource descriptions (`uin/<uin>`). Set it to
   * avoid the look-up data source, e.g. where the deploying credentials may not call CAM.
   * @default - `owner_uin` of a `tencentcloud_user_info` data source of the stack
   */
  readonly accountUin?: string;
}

/** Shared behaviour of owned and imported instances. */
export abstract class TcrInstanceBase extends Construct implements ITcrInstance {
  public abstract readonly instanceId: string;
  public abstract readonly name: string;
  public abstract readonly region?: string;
  /** The `accountUin` prop or attribute, when one was given. */
  protected abstract readonly declaredAccountUin?: string;
  private resolvedAccountUin?: string;
  private resolvedArnRegion?: string;
  // Built once: every grant reads them, and each build made new strings that principals' policies then kept.
  private cachedInstanceArn?: string;
  private cachedRepositoriesArn?: string;

  public get registryDomain(): string {
    return `${this.name}${REGISTRY_DOMAIN_SUFFIX}`;
  }

  public get accountUin(): string {
    this.resolvedAccountUin ??= this.declaredAccountUin ?? stackOwnerUin(this);
    return this.resolvedAccountUin;
  }

  public get arnRegion(): string {
    // Cached: looking the provider up walks every child of the stack, and every grant asks.
    this.resolvedArnRegion ??= this.region ?? stackProviderRegion(this);
    return this.resolvedArnRegion;
  }

  public get instanceArn(): string {
    this.cachedInstanceArn ??= instanceArn(this.arnRegion, this.accountUin, this.instanceId);
    return this.cachedInstanceArn;
  }

  public get repositoriesArn(): string {
    this.cachedRepositoriesArn ??= repositoryArn(this.arnRegion, this.accountUin, this.instanceId, '*');
    return this.cachedRepositoriesArn;
  }

  public grantRead(grantee: ITcrInstanceGrantee): void {
    grantee.addInstanceGrant(this, [...READ_ACCESS]);
  }

  public grantManageNamespaces(grantee: ITcrInstanceGrantee): void {
    grantee.addInstanceGrant(this, [...MANAGE_NAMESPACES_ACCESS]);
  }

  public grantManageServiceAccounts(grantee: ITcrInstanceGrantee): void {
    grantee.addInstanceGrant(this, [...MANAGE_SERVICE_ACCOUNTS_ACCESS]);
  }

  public grantIssueTokens(grantee: ITcrInstanceGrantee): void {
    grantee.addInstanceGrant(this, [...ISSUE_TOKENS_ACCESS]);
  }

  public grantFullAccess(grantee: ITcrInstanceGrantee): void {
    grantee.addInstanceGrant(this, [...FULL_ACCESS]);
  }

  /** Checks the declared account UIN (literal only). */
  protected checkAccountUin(out: string[], kind: string): void {
    checkLiteral(out, kind, 'accountUin', this.declaredAccountUin, checkAccountUin);
  }

  public addNamespace(id: string, options: TcrNamespaceOptions): TcrNamespace {
    return new TcrNamespace(this, id, { ...options, instance: this });
  }

  public addServiceAccount(id: string, options: TcrServiceAccountOptions): TcrServiceAccount {
    return new TcrServiceAccount(this, id, { ...options, instance: this });
  }
}

class ImportedTcrInstance extends TcrInstanceBase {
  public readonly instanceId: string;
  public readonly name: string;
  public readonly region?: string;
  protected readonly declaredAccountUin?: string;

  constructor(scope: Construct, id: string, attrs: TcrInstanceAttributes) {
    super(scope, id);
    this.instanceId = attrs.instanceId;
    this.name = attrs.name;
    this.region = attrs.region;
    this.declaredAccountUin = attrs.accountUin;
    this.node.addValidation({
      validate: () => {
        const out: string[] = [];
        checkLiteral(out, 'TcrInstance (imported)', 'name', attrs.name, checkInstanceName);
        checkLiteral(out, 'TcrInstance (imported)', 'region', attrs.region, checkRegionOrEvery);
        this.checkAccountUin(out, 'TcrInstance (imported)');
        return out;
      },
    });
  }
}

/** An imported instance's region may be empty: CAM reads an empty region segment as every region. */
function checkRegionOrEvery(region: string): string | undefined {
  return region === '' ? undefined : checkRegion(region) && `${REGION_RULE}, or "" for every region`;
}

/** A TCR Enterprise instance created by this stack (`tencentcloud_tcr_instance`). */
export class TcrInstance extends TcrInstanceBase {
  /** An existing instance: namespaces and service accounts can be added to it, the instance itself is not managed. */
  public static fromInstanceAttributes(scope: Construct, id: string, attrs: TcrInstanceAttributes): ITcrInstance {
    return new ImportedTcrInstance(scope, id, attrs);
  }

  public readonly instanceId: string;
  public readonly name: string;
  public readonly region?: string = undefined;
  protected readonly declaredAccountUin?: string;
  /** Edition of the instance. */
  public readonly instanceType: TcrInstanceType;
  /** Public endpoint address (known after apply). */
  public readonly publicDomain: string;
  /** VPC-internal endpoint address (known after apply). */
  public readonly internalEndpoint: string;
  /** The underlying L1 resource. */
  public readonly resource: tcrInstance.TcrInstance;

  constructor(scope: Construct, id: string, props: TcrInstanceProps) {
    super(scope, id);
    this.name = props.name;
    this.declaredAccountUin = props.accountUin;
    this.instanceType = props.instanceType ?? TcrInstanceType.BASIC;
    const billing = props.billing;

    this.resource = new tcrInstance.TcrInstance(this, 'Resource', {
      name: props.name,
      instanceType: this.instanceType.value,
      tags: props.tags,
      deletionProtection: props.deletionProtection ?? true,
      deleteBucket: props.deleteBucketOnDestroy ?? false,
      openPublicOperation: props.publicAccess,
      securityPolicy: props.publicAccessAllowList?.map((e) => ({ cidrBlock: e.cidrBlock, description: e.description })),
      replications: props.replicationRegions?.map((regionName) => ({ regionName })),
      registryChargeType: billing?.chargeType,
      instanceChargeTypePrepaidPeriod: billing?.periodMonths,
      instanceChargeTypePrepaidRenewFlag: billing?.renewFlag,
      enableCosMaz: props.cosMultiAz,
      enableCosVersioning: props.cosVersioning,
    });
    this.instanceId = this.resource.id;
    this.publicDomain = this.resource.publicDomain;
    this.internalEndpoint = this.resource.internalEndPoint;

    const member: NamedMember = { construct: this, declaredName: props.name };
    registerOwnedInstance(member);
    this.node.addValidation({ validate: () => this.validateProps(props, member) });
  }

  private validateProps(props: TcrInstanceProps, member: NamedMember): string[] {
    const kind = 'TcrInstance';
    const out: string[] = [];
    checkLiteral(out, kind, 'name', props.name, checkInstanceName);
    const earlier = earlierOwnedInstanceWithSameName(member);
    if (earlier) {
      out.push(problem(kind, 'name', props.name, `${UNIQUE_INSTANCE_NAME_RULE}; instance ${earlier.construct.node.path} already uses it`));
    }
    checkTags(out, kind, props.tags);
    this.checkAccountUin(out, kind);
    const period = props.billing?.periodMonths;
    if (period !== undefined && !Token.isUnresolved(period)) {
      const rule = checkPrepaidPeriodMonths(period);
      if (rule) out.push(problem(kind, 'billing.periodMonths', period, rule));
    }
    if (props.replicationRegions && props.replicationRegions.length > 0 && this.instanceType.value !== TcrInstanceType.PREMIUM.value) {
      out.push(problem(kind, 'replicationRegions', props.replicationRegions,
        `${REPLICATION_EDITION_RULE} (instanceType is "${this.instanceType.value}")`));
    }
    this.checkReplicationRegions(out, kind, props.replicationRegions);
    const allowList = props.publicAccessAllowList ?? [];
    if (allowList.length > 0 && props.publicAccess !== true) {
      out.push(problem(kind, 'publicAccessAllowList', allowList.map((e) => e.cidrBlock), ALLOWLIST_PUBLIC_ACCESS_RULE));
    }
    allowList.forEach((entry, i) => checkLiteral(out, kind, `publicAccessAllowList[${i}].cidrBlock`, entry.cidrBlock, checkCidrBlock));
    return out;
  }

  private checkReplicationRegions(out: string[], kind: string, regions: string[] | undefined): void {
    if (regions === undefined || Token.isUnresolved(regions)) return;
    const seen = new Set<string>();
    regions.forEach((region, i) => {
      checkLiteral(out, kind, `replicationRegions[${i}]`, region, checkRegion);
      if (Token.isUnresolved(region)) return;
      if (seen.has(region)) out.push(problem(kind, 'replicationRegions', regions, UNIQUE_REPLICATION_REGION_RULE));
      seen.add(region);
    });
  }
}
