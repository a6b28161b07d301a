import type { FormRule } from 'antd';

// Ant Design form rules built from the domain's zod request schemas, so that a form checks what the server checks,
// with the schema's own Chinese messages. Structural views of a zod schema keep the web free of a direct zod
// dependency: the schemas themselves come from @zhengji/domain.
interface SafeParsable {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly { message: string }[] } };
}
/** A zod object schema (z.object / z.strictObject) as seen by the form adapter. */
export interface ObjectSchemaLike {
  shape: Record<string, SafeParsable>;
}
type FieldOf<S extends ObjectSchemaLike> = Extract<keyof S['shape'], string>;

/** How a field's rule reads its value. */
export interface FieldRuleOptions {
  /** Turns the control's value into what the schema takes (a dayjs into `YYYY-MM-DD`, lines into a list…). */
  value?: (formValue: unknown) => unknown;
  /** A blank required field is told 请选择 + label (a picker) instead of the schema's own 请填写… message. */
  blank?: '选择';
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
/** Messages that say themselves what to fill in ("请填写标题", "请选择征集活动"). */
const SELF_NAMING = /^请/;
/** Generic messages of the domain's Chinese zod messages ("为必填项", "长度不能超过…"), read after the field's label. */
const NEEDS_LABEL = /^[为须长不最至]/;

function fieldSchema<S extends ObjectSchemaLike>(schema: S, field: FieldOf<S>): SafeParsable {
  const s = schema.shape[field];
  if (!s) throw new Error(`schema has no field ${field}`);
  return s;
}

const firstMessage = (s: SafeParsable, value: unknown): string | undefined => {
  const result = s.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
};

/** Whether the field must be filled in (its schema refuses both undefined and null). */
export function isRequiredField<S extends ObjectSchemaLike>(schema: S, field: FieldOf<S>): boolean {
  const s = fieldSchema(schema, field);
  return !s.safeParse(undefined).success && !s.safeParse(null).success;
}

interface Inspectable {
  maxLength?: unknown;
  def?: { innerType?: Inspectable; out?: Inspectable };
}
/** The longest text the field's schema accepts (`.max(n)` of a string, through optional/nullable/default/preprocess). */
export function maxLengthOf<S extends ObjectSchemaLike>(schema: S, field: FieldOf<S>): number | undefined {
  let s: Inspectable | undefined = fieldSchema(schema, field) as Inspectable;
  for (let depth = 0; s && depth < 8; depth++) {
    if (typeof s.maxLength === 'number') return s.maxLength;
    s = s.def?.innerType ?? s.def?.out;
  }
  return undefined;
}

/** The message shown for a value: the schema's own, prefixed with the label where it is a generic one. */
function messageFor(message: string, label: string | undefined): string {
  return label && NEEDS_LABEL.test(message) ? `${label}${message}` : message;
}

/**
 * An antd Form rule validating one field with its domain schema: the message shown is the schema's own Chinese
 * message. A blank optional field passes (it is sent as null or left out); a blank required one says the schema's
 * "请填写…" message, or 请填写/请选择 + label.
 */
export function zodRule<S extends ObjectSchemaLike>(schema: S, field: FieldOf<S>, label?: string, options: FieldRuleOptions = {}): FormRule {
  const check = zodFieldCheck(schema, field, label, options);
  return {
    required: isRequiredField(schema, field),
    validator: async (_rule, value: unknown) => {
      const message = check(value);
      if (message !== undefined) throw new Error(message);
    },
  };
}

/**
 * The check behind zodRule, for a form drawn without antd (the light login page): the message a value is refused
 * with, or undefined when the field's schema accepts it.
 */
export function zodFieldCheck<S extends ObjectSchemaLike>(
  schema: S,
  field: FieldOf<S>,
  label?: string,
  options: FieldRuleOptions = {},
): (value: unknown) => string | undefined {
  const s = fieldSchema(schema, field);
  const required = isRequiredField(schema, field);
  const toValue = options.value ?? ((v: unknown) => v);
  return (value) => {
    if (isBlank(value)) {
      if (!required) return undefined;
      const own = firstMessage(s, undefined);
      if (label && (options.blank || !own || !SELF_NAMING.test(own))) return `请${options.blank ?? '填写'}${label}`;
      return own && SELF_NAMING.test(own) ? own : '此项为必填项';
    }
    const message = firstMessage(s, toValue(value));
    return message === undefined ? undefined : messageFor(message, label);
  };
}

/** Rules for several fields at once: `const rules = zodRules(UnitInputSchema); <Form.Item rules={rules('name', '单位名称')}>`. */
export function zodRules<S extends ObjectSchemaLike>(schema: S): (field: FieldOf<S>, label?: string, options?: FieldRuleOptions) => FormRule[] {
  return (field, label, options) => [zodRule(schema, field, label, options)];
}

/** A rule from a domain check that answers the Chinese reason a value is refused (null: accepted). */
export function checkRule(check: (value: unknown) => string | null, required = false): FormRule {
  return {
    required,
    validator: async (_rule, value: unknown) => {
      const problem = check(value);
      if (problem) throw new Error(problem);
    },
  };
}

/** A dayjs (or anything with `format`) as the `YYYY-MM-DD` a date field of a schema takes. */
export const isoDay = (v: unknown): unknown =>
  v && typeof (v as { format?: unknown }).format === 'function' ? (v as { format(f: string): string }).format('YYYY-MM-DD') : v;
/** A dayjs (or a Date) as the ISO instant a date-time field of a schema takes. */
export const isoInstant = (v: unknown): unknown =>
  v && typeof (v as { toISOString?: unknown }).toISOString === 'function' ? (v as { toISOString(): string }).toISOString() : v;
/** A text area's lines as the list a schema takes (blank lines dropped). */
export const lines = (v: unknown): unknown =>
  typeof v === 'string'
    ? v
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
    : v;

/**
 * Turns form values into a request body for the schema: blank strings become null where the
 * schema accepts null (clearing the field), otherwise they are left out; strings are trimmed.
 */
export function toPayload<S extends ObjectSchemaLike>(schema: S, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const s = schema.shape[key];
    if (!s) continue;
    if (isBlank(value) && !Array.isArray(value)) {
      if (s.safeParse(null).success) out[key] = null;
      continue;
    }
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}
