import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTION_LABELS,
  AUDIT_OBJECT_LABELS,
  CAMPAIGN_ACTIONS,
  ELIGIBILITY_RULE_CODES,
  ELIGIBILITY_RULE_TITLES,
  FIELD_LABELS,
  OBJECTION_ACTIONS,
} from '@zhengji/domain';
import { CHECK_FAIL_REASONS, CHECK_FAIL_REASON_LABELS } from '@zhengji/domain/check/check.schemas.ts';
import { createTestApp } from '../../test/test-app.ts';

// The label maps people read instead of codes are complete: every audit action and object type the server writes,
// every eligibility rule and fail reason, every field a request can name in a validation message.

const { app } = await createTestApp();
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CJK = /[\u4e00-\u9fff]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** Actions built from a workflow's action list (`campaign.${data.action}`): the prefix and the list. */
const TEMPLATED_ACTIONS: Record<string, readonly string[]> = { 'campaign.': CAMPAIGN_ACTIONS, 'objection.': OBJECTION_ACTIONS };
/** Helpers that take the action to audit as an argument; their callers pass it as a string literal. */
const ACTION_PASSING_HELPERS = ['loadReviewTarget', 'refuseAuditorAccount'];
const LITERAL = /'([A-Za-z][\w-]*(?:\.[\w-]+)+)'/g;

/** Every action and object type written by writeAudit / writeAuditOutside in the server's source, with where. */
function auditedInSource(): { actions: Map<string, string>; objectTypes: Map<string, string>; unreadable: string[] } {
  const actions = new Map<string, string>();
  const objectTypes = new Map<string, string>();
  const unreadable: string[] = [];
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    const where = path.relative(src, file);
    for (const call of text.matchAll(/writeAudit(?:Outside)?\(/g)) {
      if (where === 'use-cases/audit/write-audit.ts') break; // the definitions themselves
      const chunk = text.slice(call.index, call.index + 800);
      const action = /action(?::\s*([^\n]+?))?,\s*(?:objectType|$)/m.exec(chunk)?.[1];
      const objectType = /objectType:\s*'([\w-]+)'/.exec(chunk)?.[1];
      if (objectType) objectTypes.set(objectType, where);
      else unreadable.push(`${where}: objectType`);
      if (action === undefined) {
        // `{ action, … }`: the action is a parameter; its callers are scanned below.
        if (!ACTION_PASSING_HELPERS.some((h) => text.includes(`function ${h}(`))) unreadable.push(`${where}: action parameter`);
        continue;
      }
      const template = /^`([\w.]+\.)\$\{/.exec(action);
      if (template) {
        const list = TEMPLATED_ACTIONS[template[1]!];
        if (!list) unreadable.push(`${where}: ${action}`);
        for (const a of list ?? []) actions.set(`${template[1]!}${a}`, where);
        continue;
      }
      const literals = [...action.matchAll(LITERAL)].map((m) => m[1]!);
      if (literals.length === 0) unreadable.push(`${where}: ${action}`);
      for (const a of literals) actions.set(a, where);
    }
    for (const helper of ACTION_PASSING_HELPERS) {
      for (const call of text.matchAll(new RegExp(`${helper}\\(([^;]*?)\\)`, 'g'))) {
        for (const m of call[1]!.matchAll(LITERAL)) actions.set(m[1]!, where);
      }
    }
  }
  return { actions, objectTypes, unreadable };
}

type AnyZod = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

/** The property names a request schema accepts, at any depth (objects, arrays, unions, pipes, wrappers). */
function keysOf(schema: unknown, into = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (!schema || typeof schema !== 'object' || seen.has(schema) || !('_zod' in schema)) return into;
  seen.add(schema);
  const def = (schema as AnyZod)._zod.def;
  const visit = (s: unknown) => keysOf(s, into, seen);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        into.add(k);
        visit(v);
      }
      break;
    case 'array':
      visit(def.element);
      break;
    case 'union':
      for (const o of def.options as unknown[]) visit(o);
      break;
    case 'intersection':
      visit(def.left);
      visit(def.right);
      break;
    case 'pipe':
      visit(def.in);
      visit(def.out);
      break;
    case 'record':
      visit(def.valueType);
      break;
    case 'tuple':
      for (const i of def.items as unknown[]) visit(i);
      break;
    case 'lazy':
      visit((def.getter as () => unknown)());
      break;
    default:
      if ('innerType' in def) visit(def.innerType);
  }
  return into;
}

describe('every code people could see has a Chinese label', () => {
  it('every audit action and object type the server writes has a label, and every action falls in a filter group', () => {
    const { actions, objectTypes, unreadable } = auditedInSource();
    expect(unreadable, 'audit calls this test cannot read: write the action as a literal, or teach the test').toEqual([]);
    expect(actions.size).toBeGreaterThan(60);
    const unlabelled = [...actions].filter(([a]) => !AUDIT_ACTION_LABELS[a]).map(([a, where]) => `${a} (${where})`);
    expect(unlabelled, 'add these to AUDIT_ACTION_LABELS in packages/domain/src/audit/audit.labels.ts').toEqual([]);
    const untyped = [...objectTypes].filter(([t]) => !AUDIT_OBJECT_LABELS[t]).map(([t, where]) => `${t} (${where})`);
    expect(untyped, 'add these to AUDIT_OBJECT_LABELS').toEqual([]);
    const ungrouped = Object.keys(AUDIT_ACTION_LABELS).filter((a) => !AUDIT_ACTION_GROUPS.some((g) => a.startsWith(g.prefix)));
    expect(ungrouped, 'the audit filter offers actions by group: add a group to AUDIT_ACTION_GROUPS').toEqual([]);
    for (const label of [...Object.values(AUDIT_ACTION_LABELS), ...Object.values(AUDIT_OBJECT_LABELS)]) expect(label).toMatch(CJK);
  });

  it('every eligibility rule and check fail reason has a Chinese title', () => {
    for (const code of ELIGIBILITY_RULE_CODES) expect(ELIGIBILITY_RULE_TITLES[code], code).toMatch(CJK);
    for (const code of CHECK_FAIL_REASONS) expect(CHECK_FAIL_REASON_LABELS[code], code).toMatch(CJK);
    // Every rule code the domain's rules emit is a declared one (and so has a title).
    const rules = readFileSync(path.resolve(src, '../../../packages/domain/src/form/form.rules.ts'), 'utf8');
    const emitted = new Set([...rules.matchAll(/\bf\.(?:error|warning)\(\s*'([a-z_]+)'/g)].map((m) => m[1]!));
    expect(emitted.size).toBeGreaterThan(10);
    expect([...emitted].filter((c) => !(ELIGIBILITY_RULE_CODES as readonly string[]).includes(c))).toEqual([]);
  });

  it('every field a request can carry is named in Chinese in validation messages (FIELD_LABELS)', async () => {
    const missing = new Map<string, string>();
    for (const route of app.routeTable) {
      for (const part of ['body', 'querystring', 'params'] as const) {
        for (const key of keysOf(route.schema?.[part])) if (!FIELD_LABELS[key]) missing.set(key, `${route.method} ${route.url} ${part}`);
      }
    }
    expect(app.routeTable.length).toBeGreaterThan(50);
    expect(Object.fromEntries(missing), 'add these to FIELD_LABELS in packages/domain/src/shared/field-labels.ts').toEqual({});
    for (const label of Object.values(FIELD_LABELS)) expect(label).toMatch(CJK);
  });
});
