import { Construct, IConstruct } from 'constructs';
import { tcrNamespace } from '../providers/tencentcloud';
import {
  BLOCK_SEVERITY_RULE, checkCveId, checkNamespaceName, UNIQUE_IN_INSTANCE_RULE, VULNERABILITY_SEVERITIES,
  VULNERABILITY_SEVERITY_RULE,
} from '../validation/name-rules';
import { earlierNamespaceWithSameName, NamedMember, registerNamespace } from './private/instance-members';
import { repositoryArn } from '../cam/catalog';
import { checkLiteral, checkTags, problem } from './private/validation';
import { TcrAction } from './tcr-action';
import type { ITcrGrantee } from './tcr-grantee';
import type { ITcrInstance } from './tcr-instance';
import { VulnerabilitySeverity } from './vulnerability-severity';

/** A namespace of a TCR instance, owned by this stack or imported. */
export interface ITcrNamespace extends IConstruct {
  /** Namespace name. For a namespace created by this stack, a reference to it (so grants depend on it). */
  readonly name: string;
  /** The instance holding the namespace. */
  readonly instance: ITcrInstance;
  /**
   * CAM resource of the namespace: `qcs::tcr:<region>:uin/<uin>:repository/<instanceId>/<namespace>` (CAM has no
   * namespace resource type; a namespace is a repository path).
   */
  readonly namespaceArn: string;
  /** CAM resource of every repository in the namespace: `<namespaceArn>/*`. */
  readonly repositoriesArn: string;

  /** CAM resource of one repository of the namespace: `<namespaceArn>/<repositoryName>`. */
  repositoryArn(repositoryName: string): string;

  /** Grants `actions` (e.g. `TcrAction.PULL_REPOSITORY`) on this namespace to `grantee`. */
  grant(grantee: ITcrGrantee, ...actions: string[]): void;
  /** Grants pulling images from this namespace. */
  grantPull(grantee: ITcrGrantee): void;
  /** Grants pushing images to this namespace (includes pull: pushing clients pull layers too). */
  grantPush(grantee: ITcrGrantee): void;
}

/** Options for a namespace created through `ITcrInstance.addNamespace`. */
export interface TcrNamespaceOptions {
  /**
   * Namespace name: 2-30 lowercase letters, digits and single separators `.` `_` `-` inside.
   * Changing it replaces the namespace (the provider forces a new resource), which deletes it and its images.
   */
  readonly name: string;
  /**
   * Anyone may pull without logging in. (Not named `public`: that is a reserved word in Java and C#.)
   * @default false
   */
  readonly isPublic?: boolean;
  /**
   * Scan images for vulnerabilities automatically on push.
   * @default false
   */
  readonly autoScan?: boolean;
  /**
   * Block pulls of images with vulnerabilities at or above `blockSeverity`.
   * @default false
   */
  readonly blockVulnerableImages?: boolean;
  /**
   * Lowest severity that blocks pulls (requires `blockVulnerableImages: true`). Set it whenever blocking is on:
   * the provider reads the service's severity back into state, so leaving it unset can show a diff on every plan.
   * @default - service default
   */
  readonly blockSeverity?: VulnerabilitySeverity;
  /**
   * CVE ids that never block a pull, e.g. `CVE-2024-12345`.
   * @default - none
   */
  readonly cveAllowList?: string[];
  /**
   * Tags on the namespace.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/** Properties of a `TcrNamespace`. */
export interface TcrNamespaceProps extends TcrNamespaceOptions {
  /** The instance the namespace is created in. */
  readonly instance: ITcrInstance;
}

/** Grant logic shared by owned and imported namespaces: imported ones can be granted to, not changed. */
export abstract class TcrNamespaceBase extends Construct implements ITcrNamespace {
  public abstract readonly name: string;
  public abstract readonly instance: ITcrInstance;
  /**
   * The name as declared (a literal where known), used to merge and order grants deterministically.
   * @internal
   */
  public abstract readonly _declaredName: string;
  // Built once: every grant reads them, and each build made new strings that principals' policies then kept.
  private cachedNamespaceArn?: string;
  private cachedRepositoriesArn?: string;

  public get namespaceArn(): string {
    // The declared name, not the reference: a policy need not wait for the namespace, and a literal keeps the
    // document readable and its length measurable.
    const instance = this.instance;
    this.cachedNamespaceArn ??= repositoryArn(instance.arnRegion, instance.accountUin, instance.instanceId, this._declaredName ?? this.name);
    return this.cachedNamespaceArn;
  }

  public get repositoriesArn(): string {
    this.cachedRepositoriesArn ??= `${this.namespaceArn}/*`;
    return this.cachedRepositoriesArn;
  }

  public repositoryArn(repositoryName: string): string {
    return `${this.namespaceArn}/${repositoryName}`;
  }

  public grant(grantee: ITcrGrantee, ...actions: string[]): void {
    grantee.addNamespaceGrant(this, actions);
  }

  public grantPull(grantee: ITcrGrantee): void {
    this.grant(grantee, TcrAction.PULL_REPOSITORY);
  }

  public grantPush(grantee: ITcrGrantee): void {
    this.grant(grantee, TcrAction.PULL_REPOSITORY, TcrAction.PUSH_REPOSITORY);
  }
}

class ImportedTcrNamespace extends TcrNamespaceBase {
  public readonly _declaredName: string;

  constructor(scope: Construct, id: string, public readonly instance: ITcrInstance, public readonly name: string) {
    super(scope, id);
    this._declaredName = name;
    this.node.addValidation({
      validate: () => {
        const out: string[] = [];
        checkLiteral(out, 'TcrNamespace (imported)', 'name', name, checkNamespaceName);
        return out;
      },
    });
  }
}

/** A namespace created by this stack (`tencentcloud_tcr_namespace`). */
export class TcrNamespace extends TcrNamespaceBase {
  /** An existing namespace of `instance`: it can be granted to, but is not managed by this stack. */
  public static fromNamespaceName(scope: Construct, id: string, instance: ITcrInstance, name: string): ITcrNamespace {
    return new ImportedTcrNamespace(scope, id, instance, name);
  }

  public readonly name: string;
  public readonly instance: ITcrInstance;
  /** @internal */
  public readonly _declaredName: string;
  /** The underlying L1 resource. */
  public readonly resource: tcrNamespace.TcrNamespace;

  constructor(scope: Construct, id: string, props: TcrNamespaceProps) {
    super(scope, id);
    this.instance = props.instance;
    this._declaredName = props.name;
    this.resource = new tcrNamespace.TcrNamespace(this, 'Resource', {
      instanceId: props.instance.instanceId,
      name: props.name,
      isPublic: props.isPublic ?? false,
      isAutoScan: props.autoScan ?? false,
      isPreventVul: props.blockVulnerableImages ?? false,
      severity: props.blockSeverity?.value,
      cveWhitelistItems: props.cveAllowList?.map((cveId) => ({ cveId })),
      tags: props.tags,
    });
    // A reference rather than the literal: service accounts granted on this namespace then depend on it.
    this.name = this.resource.name;

    const member: NamedMember = { construct: this, declaredName: props.name };
    registerNamespace(props.instance, member);
    this.node.addValidation({ validate: () => this.validateProps(props, member) });
  }

  private validateProps(props: TcrNamespaceProps, member: NamedMember): string[] {
    const kind = 'TcrNamespace';
    const out: string[] = [];
    checkLiteral(out, kind, 'name', props.name, checkNamespaceName);
    const earlier = earlierNamespaceWithSameName(props.instance, member);
    if (earlier) {
      out.push(problem(kind, 'name', props.name,
        `${UNIQUE_IN_INSTANCE_RULE}; namespace ${earlier.construct.node.path} already uses it`));
    }
    const severity = props.blockSeverity?.value;
    if (severity !== undefined) {
      if (!VULNERABILITY_SEVERITIES.includes(severity)) {
        out.push(problem(kind, 'blockSeverity', severity, VULNERABILITY_SEVERITY_RULE));
      }
      if (props.blockVulnerableImages !== true) out.push(problem(kind, 'blockSeverity', severity, BLOCK_SEVERITY_RULE));
    }
    (props.cveAllowList ?? []).forEach((cve, i) => checkLiteral(out, kind, `cveAllowList[${i}]`, cve, checkCveId));
    checkTags(out, kind, props.tags);
    return out;
  }
}
