/**
 * Validates a synthesized cdktf/Terraform JSON document against the pinned provider schema
 * (schema/tencentcloud-provider-schema.json): every resource, data source and provider configuration is checked
 * for unknown attributes, missing required attributes, computed-only attributes set by hand, wrong types
 * (primitives and nested list/set/map/object), block nesting and block min/max item counts. Strings containing a
 * Terraform interpolation (`${...}`) are accepted for any type, since they are resolved by Terraform.
 */
import * as fs from 'fs';
import * as path from 'path';

type TfType = string | [string, unknown] | [string, unknown, unknown];

interface SchemaAttribute {
  readonly type?: TfType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
}

interface SchemaBlockType {
  readonly nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<string, SchemaBlockType>;
}

interface ProviderSchema {
  readonly provider: { readonly block: SchemaBlock };
  readonly resource_schemas: Record<string, { readonly block: SchemaBlock }>;
  readonly data_source_schemas: Record<string, { readonly block: SchemaBlock }>;
}

export interface PinnedProvider {
  readonly source: string;
  readonly version: string;
}

const SCHEMA_DIR = path.join(__dirname, '..', '..', 'schema');

const RESOURCE_META = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection', '//']);
const DATA_META = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', '//']);
const PROVIDER_META = new Set(['alias', 'version', '//']);

let cached: { schemas: Record<string, ProviderSchema>; pinned: PinnedProvider } | undefined;

function loadPinned(): { schemas: Record<string, ProviderSchema>; pinned: PinnedProvider } {
  if (!cached) {
    const pinned = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'provider.json'), 'utf8'));
    const doc = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, pinned.schemaFile), 'utf8'));
    cached = { schemas: doc.provider_schemas, pinned: { source: pinned.source, version: pinned.version } };
  }
  return cached;
}

function isToken(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(type: TfType): string {
  if (typeof type === 'string') return type;
  return `${type[0]}(${typeof type[1] === 'string' || Array.isArray(type[1]) ? typeName(type[1] as TfType) : 'object'})`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/** Checks `value` against a Terraform type expression; pushes one problem per mismatch. */
function checkType(value: unknown, type: TfType, where: string, out: string[]): void {
  if (isToken(value)) return;
  if (type === 'dynamic') return;
  if (typeof type === 'string') {
    const ok = (type === 'string' && typeof value === 'string')
      || (type === 'number' && typeof value === 'number')
      || (type === 'bool' && typeof value === 'boolean');
    if (!ok) out.push(`${where}: expected ${type}, got ${describe(value)} ${JSON.stringify(value)}`);
    return;
  }
  const [kind, inner] = type;
  if (kind === 'list' || kind === 'set') {
    if (!Array.isArray(value)) {
      out.push(`${where}: expected ${typeName(type)}, got ${describe(value)}`);
      return;
    }
    value.forEach((item, i) => checkType(item, inner as TfType, `${where}[${i}]`, out));
    return;
  }
  if (kind === 'map') {
    if (!isPlainObject(value)) {
      out.push(`${where}: expected ${typeName(type)}, got ${describe(value)}`);
      return;
    }
    for (const [k, v] of Object.entries(value)) checkType(v, inner as TfType, `${where}.${k}`, out);
    return;
  }
  if (kind === 'object') {
    if (!isPlainObject(value)) {
      out.push(`${where}: expected object, got ${describe(value)}`);
      return;
    }
    const fields = inner as Record<string, TfType>;
    const optional = new Set((type[2] as string[] | undefined) ?? []);
    for (const [k, v] of Object.entries(value)) {
      if (!(k in fields)) out.push(`${where}.${k}: unknown object attribute`);
      else checkType(v, fields[k], `${where}.${k}`, out);
    }
    for (const k of Object.keys(fields)) {
      if (!(k in value) && !optional.has(k)) out.push(`${where}.${k}: missing object attribute`);
    }
    return;
  }
  if (kind === 'tuple') {
    const items = inner as TfType[];
    if (!Array.isArray(value) || value.length !== items.length) {
      out.push(`${where}: expected tuple of ${items.length}, got ${describe(value)}`);
      return;
    }
    value.forEach((item, i) => checkType(item, items[i], `${where}[${i}]`, out));
    return;
  }
  out.push(`${where}: schema type ${JSON.stringify(type)} is not understood by the validator`);
}

function checkBlock(config: unknown, block: SchemaBlock, where: string, meta: Set<string>, out: string[]): void {
  if (isToken(config)) return;
  if (!isPlainObject(config)) {
    out.push(`${where}: expected a block (object), got ${describe(config)}`);
    return;
  }
  const attributes = block.attributes ?? {};
  const blockTypes = block.block_types ?? {};
  for (const [key, value] of Object.entries(config)) {
    const at = `${where}.${key}`;
    if (meta.has(key)) continue;
    if (key === 'dynamic') continue; // dynamic blocks are expanded by Terraform
    const attribute = attributes[key];
    if (attribute) {
      if (attribute.computed && !attribute.optional && !attribute.required) {
        out.push(`${at}: attribute is computed-only and cannot be set`);
      }
      if (value === null) continue;
      checkType(value, attribute.type ?? 'dynamic', at, out);
      continue;
    }
    const blockType = blockTypes[key];
    if (blockType) {
      checkNestedBlock(value, blockType, at, out);
      continue;
    }
    out.push(`${at}: unknown attribute or block`);
  }
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.required && (config[name] === undefined || config[name] === null)) {
      out.push(`${where}.${name}: required attribute is missing`);
    }
  }
  for (const [name, blockType] of Object.entries(blockTypes)) {
    if (config[name] === undefined && (blockType.min_items ?? 0) > 0) {
      out.push(`${where}.${name}: at least ${blockType.min_items} block(s) required, got 0`);
    }
  }
}

function checkNestedBlock(value: unknown, blockType: SchemaBlockType, where: string, out: string[]): void {
  if (isToken(value)) return;
  const noMeta = new Set<string>();
  switch (blockType.nesting_mode) {
    case 'single':
    case 'group':
      if (Array.isArray(value)) {
        out.push(`${where}: expected a single block (object), got array`);
        return;
      }
      checkBlock(value, blockType.block, where, noMeta, out);
      return;
    case 'map':
      if (!isPlainObject(value)) {
        out.push(`${where}: expected a map of blocks, got ${describe(value)}`);
        return;
      }
      for (const [k, v] of Object.entries(value)) checkBlock(v, blockType.block, `${where}.${k}`, noMeta, out);
      return;
    default: {
      // list/set: Terraform JSON accepts an array of blocks, or one object for a single block.
      const items = Array.isArray(value) ? value : [value];
      const min = blockType.min_items ?? 0;
      const max = blockType.max_items ?? 0;
      if (items.length < min) out.push(`${where}: at least ${min} block(s) required, got ${items.length}`);
      if (max > 0 && items.length > max) out.push(`${where}: at most ${max} block(s) allowed, got ${items.length}`);
      items.forEach((item, i) => checkBlock(item, blockType.block, `${where}[${i}]`, noMeta, out));
    }
  }
}

/** Problems found in `doc` (a synthesized stack as JSON text or object); empty when it conforms. */
export function schemaProblems(doc: string | Record<string, unknown>, providerSchemas?: Record<string, unknown>): string[] {
  const loaded = loadPinned();
  const pinned = loaded.pinned;
  const schemas = (providerSchemas ?? loaded.schemas) as Record<string, ProviderSchema>;
  const config = (typeof doc === 'string' ? JSON.parse(doc) : doc) as Record<string, any>;
  const out: string[] = [];
  const providerNames = new Map<string, ProviderSchema>();
  for (const [source, schema] of Object.entries(schemas)) {
    providerNames.set(source.split('/').pop()!, schema);
  }
  const schemaForType = (type: string): ProviderSchema | undefined => providerNames.get(type.split('_')[0]);

  for (const [type, byName] of Object.entries<Record<string, unknown>>(config.resource ?? {})) {
    const schema = schemaForType(type)?.resource_schemas[type];
    if (type === 'terraform_data' || type === 'null_resource') continue; // built-ins, not in this provider
    if (!schema) {
      out.push(`resource.${type}: unknown resource type`);
      continue;
    }
    for (const [name, body] of Object.entries(byName)) checkBlock(body, schema.block, `resource.${type}.${name}`, RESOURCE_META, out);
  }
  for (const [type, byName] of Object.entries<Record<string, unknown>>(config.data ?? {})) {
    const schema = schemaForType(type)?.data_source_schemas[type];
    if (!schema) {
      out.push(`data.${type}: unknown data source type`);
      continue;
    }
    for (const [name, body] of Object.entries(byName)) checkBlock(body, schema.block, `data.${type}.${name}`, DATA_META, out);
  }
  for (const [name, configs] of Object.entries<unknown>(config.provider ?? {})) {
    const schema = providerNames.get(name);
    if (!schema) {
      out.push(`provider.${name}: unknown provider`);
      continue;
    }
    const list = Array.isArray(configs) ? configs : [configs];
    list.forEach((c, i) => checkBlock(c, schema.provider.block, `provider.${name}[${i}]`, PROVIDER_META, out));
    const required = config.terraform?.required_providers?.[name];
    if (!required) {
      out.push(`terraform.required_providers.${name}: missing`);
    } else if (required.source !== pinned.source || required.version !== pinned.version) {
      out.push(`terraform.required_providers.${name}: expected ${pinned.source} ${pinned.version}, got ${required.source} ${required.version}`);
    }
  }
  return out;
}

/** Throws with every problem listed when `doc` does not conform to the pinned schema. */
export function expectSchemaValid(doc: string | Record<string, unknown>): void {
  const problems = schemaProblems(doc);
  if (problems.length > 0) throw new Error(`synthesized stack does not match the pinned schema:\n  ${problems.join('\n  ')}`);
}
