import fastJsonStringify from 'fast-json-stringify';
import { z } from 'zod';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';

type SerializerInput = Parameters<typeof zodSerializerCompiler>[0];

/**
 * The responses' serializer, compiled once per route from its zod view schema (packages/domain): the schema's wire
 * form (`z.toJSONSchema`, io "input": what the codecs encode to, e.g. a DateTimeSchema Date as an ISO 8601 string)
 * drives fast-json-stringify, which writes only the declared properties in the declared types. Encoding with zod
 * itself validated the whole answer again on every request (~1 ms for a 30-row form, a tenth of a save's CPU);
 * fast-json-stringify does the same job in a tenth of the time. A schema JSON Schema cannot express falls back to
 * zod's encoder.
 *
 * With `checkResponses` (the tests' configuration) every answer is also encoded by zod and a mismatch fails the
 * request, so the whole suite keeps proving that each route answers exactly its schema.
 */
export function responseSerializerCompiler(options: { checkResponses: boolean }): FastifySerializerCompiler<unknown> {
  return (route) => {
    const fast = fastSerializerOf(route.schema);
    if (fast && !options.checkResponses) return fast;
    const zodSerializer = zodSerializerCompiler(route as SerializerInput) as (data: unknown) => string;
    if (!fast) return zodSerializer;
    return (data: unknown) => {
      zodSerializer(data); // throws the ResponseSerializationError of fastify-type-provider-zod on a mismatch
      return fast(data);
    };
  };
}

/** The compiled writer of a response schema, or null when JSON Schema cannot express it (zod's encoder then writes it). */
export function fastSerializerOf(maybeSchema: unknown): ((data: unknown) => string) | null {
  const schema = maybeSchema instanceof z.ZodType ? maybeSchema : null;
  if (!schema) return null;
  try {
    const json = withoutNullUnions(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw', target: 'draft-7' }));
    return fastJsonStringify(json as Parameters<typeof fastJsonStringify>[0]) as (data: unknown) => string;
  } catch {
    return null;
  }
}

type JsonSchemaNode = { [key: string]: unknown };

/**
 * zod writes `X.nullable()` as `anyOf: [X, {type: "null"}]`; fast-json-stringify would pick the branch by running a
 * validator on every value (a fifth of the serializer's time on a form view). Written as a nullable type instead —
 * `type: [t, "null"]` for a primitive, `nullable: true` for an object or array — the choice is a type test.
 */
export function withoutNullUnions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutNullUnions);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchemaNode = {};
  for (const [key, value] of Object.entries(node)) out[key] = withoutNullUnions(value);
  const anyOf = out.anyOf;
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return out;
  const isNull = (s: unknown) => !!s && typeof s === 'object' && (s as JsonSchemaNode).type === 'null' && Object.keys(s).length === 1;
  const other = anyOf.find((s) => !isNull(s)) as JsonSchemaNode | undefined;
  if (!other || !anyOf.some(isNull) || typeof other.type !== 'string') return out;
  const { anyOf: _anyOf, ...rest } = out;
  const merged = { ...other, ...rest };
  return other.type === 'object' || other.type === 'array' ? { ...merged, nullable: true } : { ...merged, type: [other.type, 'null'] };
}
