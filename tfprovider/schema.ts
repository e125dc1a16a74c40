/**
 * The pinned provider schema (`terraform providers schema -json` format) as the stand-in serves it: conversion
 * to the tfplugin6 Schema messages, and the cty object type of each block (what DynamicValues are encoded with).
 */
import * as fs from 'fs';
import * as path from 'path';
import { CtyType } from './codec';
import type { GetProviderSchemaResponse, Schema, SchemaBlock } from './protocol';

export const PROVIDER_SOURCE = 'registry.terraform.io/tencentcloudstack/tencentcloud';

export interface JsonAttribute {
  type?: CtyType;
  nested_type?: unknown;
  description?: string;
  description_kind?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
  write_only?: boolean;
}

export interface JsonBlock {
  attributes?: Record<string, JsonAttribute>;
  block_types?: Record<string, JsonNestedBlock>;
  description?: string;
  description_kind?: string;
  deprecated?: boolean;
}

export interface JsonNestedBlock {
  nesting_mode: 'single' | 'list' | 'set' | 'map' | 'group';
  block: JsonBlock;
  min_items?: number;
  max_items?: number;
}

export interface JsonSchema {
  version?: number;
  block: JsonBlock;
}

export interface ProviderSchemas {
  provider: JsonSchema;
  resource_schemas: Record<string, JsonSchema>;
  data_source_schemas: Record<string, JsonSchema>;
  ephemeral_resource_schemas?: Record<string, JsonSchema>;
}

/** Finds the pinned schema next to the bundle (harness copy) or in the repository's schema/ folder. */
export function defaultSchemaPath(): string {
  const candidates = [
    process.env.TFPROVIDER_SCHEMA_FILE,
    path.join(__dirname, 'tencentcloud-provider-schema.json'),
    path.join(__dirname, '..', 'schema', 'tencentcloud-provider-schema.json'),
  ].filter((p): p is string => !!p);
  for (const p of candidates) if (fs.existsSync(p)) return p;
  throw new Error(`pinned provider schema not found; looked in: ${candidates.join(', ')}`);
}

export function loadProviderSchemas(file = defaultSchemaPath()): ProviderSchemas {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const schemas = doc.provider_schemas?.[PROVIDER_SOURCE];
  if (!schemas) throw new Error(`${file} has no provider_schemas["${PROVIDER_SOURCE}"]`);
  return schemas as ProviderSchemas;
}

/** The cty object type of a block: attributes plus nested blocks (list/set/map of objects, or one object). */
export function blockType(block: JsonBlock): CtyType {
  const attrs: Record<string, CtyType> = {};
  for (const [name, a] of Object.entries(block.attributes ?? {})) {
    if (a.type === undefined) throw new Error(`attribute ${name}: nested attribute types are not supported by the stand-in`);
    attrs[name] = a.type;
  }
  for (const [name, nb] of Object.entries(block.block_types ?? {})) {
    const inner = blockType(nb.block);
    switch (nb.nesting_mode) {
      case 'single':
      case 'group':
        attrs[name] = inner;
        break;
      case 'list':
        attrs[name] = ['list', inner];
        break;
      case 'set':
        attrs[name] = ['set', inner];
        break;
      case 'map':
        attrs[name] = ['map', inner];
        break;
      default:
        throw new Error(`block ${name}: unknown nesting mode ${String((nb as JsonNestedBlock).nesting_mode)}`);
    }
  }
  return ['object', attrs];
}

const NESTING = { single: 'SINGLE', list: 'LIST', set: 'SET', map: 'MAP', group: 'GROUP' } as const;

/** tfplugin6.Schema.Block as a plain object for @grpc/proto-loader (types as JSON bytes, enums by name). */
export function toProtoBlock(block: JsonBlock, version = 0): SchemaBlock {
  return {
    version,
    attributes: Object.entries(block.attributes ?? {}).map(([name, a]) => ({
      name,
      type: Buffer.from(JSON.stringify(a.type), 'utf8'),
      description: a.description ?? '',
      descriptionKind: a.description_kind === 'markdown' ? 'MARKDOWN' : 'PLAIN',
      required: !!a.required,
      optional: !!a.optional,
      computed: !!a.computed,
      sensitive: !!a.sensitive,
      deprecated: !!a.deprecated,
      writeOnly: !!a.write_only,
    })),
    blockTypes: Object.entries(block.block_types ?? {}).map(([name, nb]) => ({
      typeName: name,
      block: toProtoBlock(nb.block),
      nesting: NESTING[nb.nesting_mode],
      minItems: nb.min_items ?? 0,
      maxItems: nb.max_items ?? 0,
    })),
    description: block.description ?? '',
    descriptionKind: block.description_kind === 'markdown' ? 'MARKDOWN' : 'PLAIN',
    deprecated: !!block.deprecated,
  };
}

export function toProtoSchema(schema: JsonSchema): Schema {
  return { version: schema.version ?? 0, block: toProtoBlock(schema.block, schema.version ?? 0) };
}

/** tfplugin6.GetProviderSchema.Response (without diagnostics) for the whole pinned schema. */
export function toProtoProviderSchema(s: ProviderSchemas): GetProviderSchemaResponse {
  const mapOf = (m: Record<string, JsonSchema> | undefined) =>
    Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, toProtoSchema(v)]));
  return {
    provider: toProtoSchema(s.provider),
    resourceSchemas: mapOf(s.resource_schemas),
    dataSourceSchemas: mapOf(s.data_source_schemas),
    ephemeralResourceSchemas: mapOf(s.ephemeral_resource_schemas),
    // Destroy plans reach PlanResourceChange; the schema is static, so terraform may cache it.
    serverCapabilities: { planDestroy: true, getProviderSchemaOptional: true },
  };
}
