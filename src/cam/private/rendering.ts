/** A statement as rendered into a policy document (CAM actions, sorted and de-duplicated). */
export interface RenderedStatement {
  readonly effect: 'allow' | 'deny';
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** Canonical JSON of the condition block, '' when there is none. */
  readonly conditionJson: string;
}

/** One grant: a CAM action allowed on a resource (allow, no condition). */
export interface GrantPair {
  readonly action: string;
  readonly resource: string;
}

/** Matches one unresolved cdktf string token. */
export const TOKEN_PATTERN = /\$\{TfToken\[[^\]]*\]\}/g;
/**
 * Characters counted for one unresolved reference when estimating a document's length against CAM's limit: the
 * longest value such a reference stands for here (a 30-character namespace, a 12-character instance id, a uin).
 */
export const TOKEN_LENGTH_ESTIMATE = 32;

/** Length of `text` once its references are resolved, estimated with `TOKEN_LENGTH_ESTIMATE` per reference. */
export function estimatedLength(text: string): number {
  let length = text.length;
  for (const match of text.matchAll(TOKEN_PATTERN)) length += TOKEN_LENGTH_ESTIMATE - match[0].length;
  return length;
}

/** JSON with object keys sorted at every level, so equal conditions compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as any)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}


/**
 * Bumped by every change to a statement or document, so results computed from documents (part counts, the app's
 * policy total) can be cached until something changes: validation asks for them once per policy, and recomputing
 * them each time made validating 1,500 policies quadratic.
 */
export const documentChanges = { count: 0 };
