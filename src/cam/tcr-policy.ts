import { Annotations, Aspects, IAspect, TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import type { ICamGroup, ICamPrincipal, ICamRole, ICamUser } from './cam-principal';
import { camPolicy } from '../providers/tencentcloud';
import { checkLiteral, checkTags, problem } from '../registry/private/validation';
import { CAM_LIMITS, checkPolicyName } from '../validation/name-rules';
import {
  attachmentOverflow, customPolicyOverflow, principalKey, registerAttachment, registerCustomPolicy,
} from './private/app-limits';
import { newPolicyAttachment } from './private/attachments';
import { TcrPolicyDocument } from './tcr-policy-document';
import { TcrPolicyStatement } from './tcr-policy-statement';

/** A CAM policy that can be attached to users, groups and roles: a `TcrPolicy` or a `TcrManagedPolicy`. */
export interface ICamPolicy {
  /** Attaches the policy to a user. */
  attachToUser(user: ICamUser): void;
  /** Attaches the policy to a user group. */
  attachToGroup(group: ICamGroup): void;
  /** Attaches the policy to a role. */
  attachToRole(role: ICamRole): void;
  /** Attaches the policy to a user, group or role. */
  attachTo(principal: ICamPrincipal): void;
}

/** Properties of a `TcrPolicy`. */
export interface TcrPolicyProps {
  /**
   * Policy name, unique in the account: 1-128 characters of letters, digits and `+=,.@_-`. Changing it replaces
   * the policy (the provider forces a new resource). A policy split into parts gets `-part2`, `-part3`, ... suffixes.
   * @default - derived from the construct path (stack and path, "/" written as "."), shortened with a hash past 128
   */
  readonly policyName?: string;
  /**
   * Description (at most 300 bytes).
   * @default - no description
   */
  readonly description?: string;
  /**
   * The document. Statements added later through `addStatements` go into it.
   * @default - an empty document
   */
  readonly document?: TcrPolicyDocument;
  /**
   * Statements added to the document.
   * @default - none
   */
  readonly statements?: TcrPolicyStatement[];
  /**
   * Tags on the policy.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

const POLICY_NAME_ALPHABET = /[^A-Za-z0-9+=,.@_-]/g;
const EMPTY_DOCUMENT_RULE = 'must contain at least one statement';
const DESCRIPTION_RULE = `must be at most ${CAM_LIMITS.policyDescriptionMaxBytes} bytes (UTF-8)`;

interface Attachment {
  readonly principal: ICamPrincipal;
  /** Attachment resources by part index (0 = `Resource`). */
  readonly resources: TerraformResource[];
}

/**
 * Runs `TcrPolicy._finalize` on every policy of a stack once the tree is complete (cdktf invokes aspects before
 * synth). One aspect per stack, doing its work when it visits the stack itself: an aspect per policy made cdktf's
 * aspect walk a visible share of synth time at 500 principals.
 */
class FinalizePolicies implements IAspect {
  public readonly policies: TcrPolicy[] = [];

  constructor(private readonly stack: TerraformStack) {}

  public visit(node: IConstruct): void {
    if (node === this.stack) for (const policy of this.policies) policy._finalize();
  }
}

const finalizerByStack = new WeakMap<TerraformStack, FinalizePolicies>();

function finalizeAtSynth(policy: TcrPolicy): void {
  const stack = TerraformStack.of(policy);
  let finalizer = finalizerByStack.get(stack);
  if (!finalizer) {
    finalizer = new FinalizePolicies(stack);
    finalizerByStack.set(stack, finalizer);
    Aspects.of(stack).add(finalizer);
  }
  finalizer.policies.push(policy);
}

/**
 * `tencentcloud_cam_policy` whose `document` is rendered when cdktf synthesizes the resource, not on every change:
 * a principal's generated policy changes once per grant, and rendering it each time (or through a `Lazy`, which
 * cdktf resolves once more than a literal) cost up to ~25% of synth time at 500 principals (bench/RESULTS.md).
 */
class RenderedCamPolicy extends camPolicy.CamPolicy {
  constructor(scope: Construct, id: string, config: camPolicy.CamPolicyConfig, private readonly policyDocument: TcrPolicyDocument) {
    super(scope, id, config);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    this.document = this.firstPart();
    return super.synthesizeAttributes();
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    this.document = this.firstPart();
    return super.synthesizeHclAttributes();
  }

  private firstPart(): string {
    return this.policyDocument._split(CAM_LIMITS.policyDocumentMaxChars)[0];
  }
}

/** The default policy name: stack and construct path, shortened with a hash of the path past `maxLength`. */
function defaultPolicyName(scope: IConstruct, maxLength: number): string {
  const name = scope.node.scopes.slice(1).map((c) => c.node.id).join('.').replace(POLICY_NAME_ALPHABET, '-');
  if (name.length <= maxLength) return name;
  const hash = scope.node.addr.slice(-8);
  return `${name.slice(0, maxLength - hash.length - 1)}-${hash}`;
}

/** Longest part suffix (`-part99`) reserved when deriving a default name. */
const PART_SUFFIX_RESERVE = 7;

/**
 * A custom CAM policy for TCR (`tencentcloud_cam_policy`), attachable to users, groups and roles.
 *
 * Its document is rendered merged, de-duplicated and sorted. A document longer than CAM's 6,144 characters is
 * split at synth into as many policies as needed (`Resource` holds the first part, `Part2`, `Part3`, ... the rest,
 * named with `-part2`, `-part3`, ... suffixes), each attached to the same principals, and synth warns about it;
 * only a single statement too long on its own is an error. Lengths count each unresolved reference as 32
 * characters (see `TOKEN_LENGTH_ESTIMATE`).
 */
export class TcrPolicy extends Construct implements ICamPolicy {
  /** Name of the (first) policy. */
  public readonly policyName: string;
  /** The document (statements can still be added). */
  public readonly document: TcrPolicyDocument;
  /** The underlying L1 resource (the first part). */
  public readonly resource: camPolicy.CamPolicy;
  private readonly description?: string;
  private readonly tags?: { [key: string]: string };
  private readonly attachments: Attachment[] = [];
  /** L1 resources of parts 2.. (index 0 = part 2), created at synth when the document needs them. */
  private readonly extraParts: camPolicy.CamPolicy[] = [];
  private warned = false;

  constructor(scope: Construct, id: string, props: TcrPolicyProps = {}) {
    super(scope, id);
    this.policyName = props.policyName ?? defaultPolicyName(this, 128 - PART_SUFFIX_RESERVE);
    this.description = props.description;
    this.tags = props.tags;
    this.document = props.document ?? new TcrPolicyDocument();
    this.document.addStatements(...(props.statements ?? []));
    this.resource = new RenderedCamPolicy(this, 'Resource', {
      name: this.policyName,
      document: '{"version":"2.0","statement":[]}',
      description: props.description,
      tags: props.tags,
    }, this.document);
    registerCustomPolicy(this);
    finalizeAtSynth(this);
    this.node.addValidation({ validate: () => this.validatePolicy() });
  }

  /** ID of the (first) policy: a reference, known after apply. */
  public get policyId(): string {
    return this.resource.id;
  }

  /** Adds statements to the document. */
  public addStatements(...statements: TcrPolicyStatement[]): void {
    this.document.addStatements(...statements);
  }

  public attachToUser(user: ICamUser): void {
    this.attachTo(user);
  }

  public attachToGroup(group: ICamGroup): void {
    this.attachTo(group);
  }

  public attachToRole(role: ICamRole): void {
    this.attachTo(role);
  }

  public attachTo(principal: ICamPrincipal): void {
    if (this.attachments.some((a) => a.principal === principal)) return;
    const attachment: Attachment = { principal, resources: [] };
    this.attachments.push(attachment);
    attachment.resources.push(this.attachmentResource(principal, 0, this.policyId));
    registerAttachment(principalKey(principal, principal.principalType, principal.attachmentTarget), this);
  }

  /**
   * Splits the document where it exceeds CAM's limit: creates the extra parts and their attachments, warns.
   * Called by an aspect at synth; repeated calls reuse what an earlier call created.
   * @internal
   */
  public _finalize(): void {
    const parts = this.document._split(CAM_LIMITS.policyDocumentMaxChars);
    for (let i = 1; i < parts.length; i++) {
      let part = this.extraParts[i - 1];
      if (!part) {
        const suffix = `-part${i + 1}`;
        part = new camPolicy.CamPolicy(this, `Part${i + 1}`, {
          name: `${this.policyName.slice(0, 128 - suffix.length)}${suffix}`,
          document: parts[i],
          description: this.description,
          tags: this.tags,
        });
        this.extraParts.push(part);
      }
      part.document = parts[i];
      for (const attachment of this.attachments) {
        attachment.resources[i] ??= this.attachmentResource(attachment.principal, i, part.id);
      }
    }
    if (this.warned) return;
    this.warned = true;
    if (parts.length > 1) {
      Annotations.of(this).addWarning(
        `policy ${this.policyName} is longer than CAM's ${CAM_LIMITS.policyDocumentMaxChars} characters per policy: it is split `
        + `into ${parts.length} policies (${this.policyName}, then -part2 ...), each attached to the same principals. `
        + `Each counts against CAM's ${CAM_LIMITS.attachmentsPerPrincipal} policies per principal and ${CAM_LIMITS.customPoliciesPerAccount} per account.`,
      );
    }
    const everything = this.document._merged()
      .find((s) => s.effect === 'allow' && s.conditionJson === '' && s.actions.includes('tcr:*') && s.resources.includes('*'));
    if (everything) {
      Annotations.of(this).addWarning(
        `policy ${this.policyName} allows tcr:* on resource "*": every TCR action on every instance of the account. `
        + 'Prefer instance.grantFullAccess(principal) or a statement on instance.instanceArn.',
      );
    }
  }

  /**
   * How many CAM policies the document becomes.
   * @internal
   */
  public _partCount(): number {
    return this.document._split(CAM_LIMITS.policyDocumentMaxChars).length;
  }

  private attachmentResource(principal: ICamPrincipal, part: number, policyId: string): TerraformResource {
    const owned = principal === this.node.scope;
    const id = `${owned ? 'Attachment' : `Attachment-${principal.node.addr.slice(0, 16)}`}${part === 0 ? '' : `-Part${part + 1}`}`;
    return newPolicyAttachment(this, id, principal, policyId);
  }

  private validatePolicy(): string[] {
    const kind = 'TcrPolicy';
    const out: string[] = [];
    checkLiteral(out, kind, 'policyName', this.policyName, checkPolicyName);
    if (this.description !== undefined && !Token.isUnresolved(this.description)
      && Buffer.byteLength(this.description, 'utf8') > CAM_LIMITS.policyDescriptionMaxBytes) {
      out.push(problem(kind, 'description', this.description, `${DESCRIPTION_RULE}; it is ${Buffer.byteLength(this.description, 'utf8')} bytes`));
    }
    checkTags(out, kind, this.tags);
    if (this.document.isEmpty) out.push(problem(kind, 'document', '{"version":"2.0","statement":[]}', EMPTY_DOCUMENT_RULE));
    this.document._addedStatements.forEach((s, i) => out.push(...s._problems(kind, `statements[${i}]`)));
    for (const s of this.document._oversizedStatements(CAM_LIMITS.policyDocumentMaxChars)) {
      out.push(problem(kind, 'statements', `${s.json.slice(0, 120)}...`,
        `is ${s.length} characters as a policy on its own, more than CAM's ${CAM_LIMITS.policyDocumentMaxChars}; `
        + 'a statement cannot be split: spread its actions or resources over several statements'));
    }
    const policies = customPolicyOverflow(this, CAM_LIMITS.customPoliciesPerAccount);
    if (policies !== undefined) {
      out.push(problem(kind, 'policyName', this.policyName,
        `is one of ${policies} custom policies (split parts included) in this app, more than CAM's ${CAM_LIMITS.customPoliciesPerAccount} per root account`));
    }
    for (const { principal } of this.attachments) {
      const key = principalKey(principal, principal.principalType, principal.attachmentTarget);
      const count = attachmentOverflow(key, this, CAM_LIMITS.attachmentsPerPrincipal);
      if (count !== undefined) {
        out.push(problem(kind, 'attachments', principal.node.path,
          `has ${count} policies (split parts included) attached to it in this app, more than CAM's ${CAM_LIMITS.attachmentsPerPrincipal} per ${principal.principalType}`));
      }
    }
    return out;
  }
}
