import type { FormRule } from 'antd';

// Structural views of a zod schema, so that the web needs no direct dependency on zod:
// the schemas themselves come from @zhengji/domain.
interface SafeParsable {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly { message: string }[] } };
}
/** A zod object schema (z.object / z.strictObject) as seen by the form adapter. */
export interface ObjectSchemaLike {
  shape: Record<string, SafeParsable>;
}
type FieldOf<S extends ObjectSchemaLike> = Extract<keyof S['shape'], string>;

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function fieldSchema<S extends ObjectSchemaLike>(schema: S, field: FieldOf<S>): SafeParsable {
  const s = schema.shape[field];
  if (!s) throw new Error(`schema has no field ${field}`);
  return s;
}

/** Whether the field must be filled in (its schema refuses both undefined and null). */
export function isRequiredField<S extends ObjectSchemaLike>(schema: S, field: FieldOf<S>): boolean {
  const s = fieldSchema(schema, field);
  return !s.safeParse(undefined).success && !s.safeParse(null).success;
}

/**
 * An antd Form rule validating one field with its domain schema: the message shown is the
 * schema's own Chinese message. A blank optional field passes (it is sent as null or left out).
 * `label` prefixes generic zod messages such as “为必填项” so that they read as a sentence.
 */
export function zodRule<S extends ObjectSchemaLike>(schema: S, field: FieldOf<S>, label?: string): FormRule {
  const s = fieldSchema(schema, field);
  const required = isRequiredField(schema, field);
  return {
    required,
    validator: async (_rule, value: unknown) => {
      if (isBlank(value)) {
        if (!required) return;
        throw new Error(label ? `请填写${label}` : '此项为必填项');
      }
      const result = s.safeParse(value);
      if (result.success) return;
      const message = result.error.issues[0]?.message ?? '内容不符合要求';
      throw new Error(label && /^[为须长不最至]/.test(message) ? `${label}${message}` : message);
    },
  };
}

/** Rules for several fields at once: `const rules = zodRules(UnitInputSchema); <Form.Item rules={rules('name', '单位名称')}>`. */
export function zodRules<S extends ObjectSchemaLike>(schema: S): (field: FieldOf<S>, label?: string) => FormRule[] {
  return (field, label) => [zodRule(schema, field, label)];
}

/**
 * Turns form values into a request body for the schema: blank strings become null where the
 * schema accepts null (clearing the field), otherwise they are left out; strings are trimmed.
 */
export function toPayload<S extends ObjectSchemaLike>(schema: S, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const s = schema.shape[key];
    if (!s) continue;
    if (isBlank(value)) {
      if (s.safeParse(null).success) out[key] = null;
      continue;
    }
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}
