import { Token } from 'cdktf';
import {
  checkTagKey, checkTagValue, TAG_COUNT_RULE, TAG_MAX_COUNT,
} from '../../validation/name-rules';

/**
 * Formats one validation problem. cdktf prefixes every message with the construct path (`[stack/reg/ci] ...`),
 * so the message itself names the construct kind, the property, the bad value and the rule.
 */
export function problem(kind: string, property: string, value: unknown, rule: string): string {
  return `${kind} property "${property}" has value ${formatValue(value)}, which ${rule}`;
}

function formatValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json;
}

/** Literal strings are checked; unresolved tokens are left to Terraform. */
export function checkLiteral(
  out: string[], kind: string, property: string, value: string | undefined, check: (v: string) => string | undefined,
): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  const rule = check(value);
  if (rule) out.push(problem(kind, property, value, rule));
}

export function checkTags(out: string[], kind: string, tags: { [key: string]: string } | undefined): void {
  if (tags === undefined || Token.isUnresolved(tags)) return;
  const keys = Object.keys(tags);
  if (keys.length > TAG_MAX_COUNT) out.push(problem(kind, 'tags', `${keys.length} tags`, TAG_COUNT_RULE));
  for (const key of keys) {
    if (!Token.isUnresolved(key)) {
      const rule = checkTagKey(key);
      if (rule) out.push(problem(kind, 'tags', key, `is not a valid tag key: it ${rule}`));
    }
    const value = tags[key];
    if (typeof value === 'string' && !Token.isUnresolved(value)) {
      const rule = checkTagValue(value);
      if (rule) out.push(problem(kind, `tags.${key}`, value, rule));
    }
  }
}
