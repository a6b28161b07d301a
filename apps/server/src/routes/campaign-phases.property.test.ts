import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { CAMPAIGN_ACTIONS, shanghaiIsoDate } from '@zhengji/domain';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs, type Session } from '../../test/auth.ts';
import { REFERENCE_DIR, submitAsUnit, unitWithUser } from '../../test/center-fixtures.ts';
import { postObjection } from '../../test/objection-form.ts';

// Property: whatever the center does, in whatever order and at whatever time, the campaign can still reach 已发布.
// Each random walk runs on its own campaign: a seeded sequence of the center's commands (and of the units'
// submissions) through the API, then a deterministic "drive to published" that must succeed from where the walk
// stopped. A failure prints the seed and the trace of the walk, which replays it exactly (PROPERTY_SEED=…).

const { app, db, clock } = await createTestApp({
  referenceDir: REFERENCE_DIR,
  loginIpLimitPerMinute: 1_000_000,
  sessionIdleMinutes: 100_000_000,
  sessionAbsoluteHours: 10_000_000,
});
const center = await loginAs(app, (await createUserRow(db, 'center')).username);
const units = [await unitWithUser(app, db), await unitWithUser(app, db)];

const SEED = Number(process.env.PROPERTY_SEED ?? 20241022);
const WALKS = Number(process.env.PROPERTY_WALKS ?? 12);
const STEPS = Number(process.env.PROPERTY_STEPS ?? 14);
const DAY = 86_400_000;

/** mulberry32: a small seeded generator, enough to make walks reproducible. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof random>;

interface Walk {
  id: string;
  rng: Rng;
  trace: string[];
}

const today = (offsetDays = 0) => shanghaiIsoDate(new Date(clock.now().getTime() + offsetDays * DAY));
const FIELDS = {
  year: 2024,
  title: '2024年社会化职业技能等级认定职业（工种）征集',
  docNo: '沪人社职〔2024〕319号',
  issuer: '上海市人力资源和社会保障局',
  issueDate: '2024-09-25',
  industryTags: ['养老护理'],
};
let ip = 0;

async function call(w: Walk, s: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object): Promise<LightMyRequestResponse> {
  const res = await s.inject({ method, url, ...(payload ? { payload } : {}) });
  if (method !== 'GET')
    w.trace.push(
      `${method} ${url.replace(w.id, ':id')} ${JSON.stringify(payload ?? {})} → ${String(res.statusCode)}${res.statusCode >= 400 ? ` ${(res.json() as { message?: string }).message ?? ''}` : ''}`,
    );
  expect(res.statusCode, `no 5xx, whatever the order: ${method} ${url}\n${w.trace.join('\n')}\n${res.body}`).toBeLessThan(500);
  return res;
}

const campaignOf = async (w: Walk) =>
  (await call(w, center, 'GET', `/api/campaigns/${w.id}`)).json() as {
    status: string;
    version: number;
    deadline: string;
    shownStatus: string;
    allowedActions: (typeof CAMPAIGN_ACTIONS)[number][];
  };
const noticeOf = async (w: Walk) => {
  const list = (await call(w, center, 'GET', '/api/notice-campaigns')).json() as { id: string; noticeId: string | null }[];
  const id = list.find((c) => c.id === w.id)?.noticeId;
  return id
    ? ((await call(w, center, 'GET', `/api/notices/${id}`)).json() as {
        id: string;
        status: string;
        version: number;
        startDate: string;
        endDate: string;
        items: { candidateId: string }[];
      })
    : null;
};
const formsOf = async (w: Walk, status: 'submitted' | 'all') =>
  (await call(w, center, 'GET', `/api/checks?campaignId=${w.id}&status=${status}`)).json() as { formId: string; status: string }[];
const formVersion = async (w: Walk, formId: string) => ((await call(w, center, 'GET', `/api/forms/${formId}`)).json() as { version: number }).version;
const resultsOf = async (w: Walk) =>
  ((await call(w, center, 'GET', `/api/campaigns/${w.id}/review/results`)).json() as { items?: { id: string; version: number; status: string }[] }).items ?? [];
const objectionsOf = async (w: Walk, noticeId: string) =>
  (await call(w, center, 'GET', `/api/notices/${noticeId}/objections`)).json() as { id: string; status: string; version: number }[];

async function setDeadline(w: Walk, deadline: string, confirm: boolean) {
  const c = await campaignOf(w);
  return call(w, center, 'PUT', `/api/campaigns/${w.id}`, { ...FIELDS, deadline, version: c.version, confirmPastDeadline: confirm });
}
async function transition(w: Walk, action: (typeof CAMPAIGN_ACTIONS)[number]) {
  const c = await campaignOf(w);
  return call(w, center, 'POST', `/api/campaigns/${w.id}/transitions`, { action, version: c.version });
}
async function unitSubmits(w: Walk, unit: (typeof units)[number]) {
  const c = await campaignOf(w);
  const form = (await call(w, unit.s, 'GET', `/api/forms/mine?campaignId=${w.id}`)).json() as { status?: string };
  if (c.status !== 'open' || c.shownStatus !== 'open' || (form.status !== 'draft' && form.status !== 'returned')) return false;
  await submitAsUnit(unit.s, w.id);
  w.trace.push('unit submits');
  return true;
}
async function conclude(w: Walk, o: { id: string; version: number }, outcome: string, effect: string) {
  return call(w, center, 'POST', `/api/objections/${o.id}/actions`, { action: 'conclude', outcome, effect, reply: '经核实，答复如下。', version: o.version });
}

/** The center's commands (and the world's events), each tolerant of being refused: only a 5xx fails the property. */
const COMMANDS: Record<string, (w: Walk) => Promise<unknown>> = {
  // Mostly the buttons the page shows (allowedActions), sometimes any action at all.
  transition: async (w) => transition(w, w.rng.chance(0.7) ? (w.rng.pick((await campaignOf(w)).allowedActions) ?? 'open') : w.rng.pick(CAMPAIGN_ACTIONS)),
  deadline: (w) => setDeadline(w, today(w.rng.int(-3, 8)), w.rng.chance(0.6)),
  unitSubmits: (w) => unitSubmits(w, w.rng.pick(units)),
  unitWithdraws: async (w) => {
    const unit = w.rng.pick(units);
    const form = (await call(w, unit.s, 'GET', `/api/forms/mine?campaignId=${w.id}`)).json() as { id?: string };
    if (form.id) await call(w, unit.s, 'POST', `/api/forms/${form.id}/withdraw`);
  },
  check: async (w) => {
    const forms = await formsOf(w, 'submitted');
    if (forms.length === 0) return;
    const f = w.rng.pick(forms);
    const version = await formVersion(w, f.formId);
    if (w.rng.chance(0.7)) await call(w, center, 'POST', `/api/checks/${f.formId}/accept`, { version });
    else
      await call(w, center, 'POST', `/api/checks/${f.formId}/return`, {
        version,
        reason: '请补充材料',
        until: new Date(clock.now().getTime() + w.rng.int(1, 3) * DAY).toISOString(),
      });
  },
  pool: (w) => call(w, center, 'POST', `/api/campaigns/${w.id}/pool/refresh`),
  decide: async (w) => {
    const items = (await resultsOf(w)).filter((i) => i.status !== 'withdrawn' && w.rng.chance(0.6));
    if (items.length === 0) return;
    const decision = w.rng.chance(0.6) ? 'selected' : 'not_selected';
    await call(w, center, 'POST', `/api/campaigns/${w.id}/review/decisions`, {
      candidates: items.map((i) => ({ id: i.id, version: i.version })),
      decision,
      reason: decision === 'selected' ? '' : '不符合条件',
    });
  },
  noticeCreate: (w) =>
    call(w, center, 'POST', '/api/notices', {
      campaignId: w.id,
      title: '公示',
      startDate: today(w.rng.int(-2, 2)),
      ...(w.rng.chance(0.2) ? { endDate: today(w.rng.int(0, 9)) } : {}),
    }),
  noticeEdit: async (w) => {
    const n = await noticeOf(w);
    if (n) await call(w, center, 'PATCH', `/api/notices/${n.id}`, { title: '公示', startDate: today(w.rng.int(-2, 2)), version: n.version });
  },
  noticePublish: async (w) => {
    const n = await noticeOf(w);
    if (n) await call(w, center, 'POST', `/api/notices/${n.id}/publish`, { version: n.version });
  },
  objectionFiled: async (w) => {
    const n = await noticeOf(w);
    if (n?.status !== 'published' || n.items.length === 0) return;
    ip += 1;
    const res = await postObjection(
      app,
      n.id,
      { name: '张三', phone: '13812345678', itemId: w.rng.pick(n.items).candidateId, grounds: '该职业已在本市开展认定' },
      [],
      `10.${String(ip >> 16)}.${String((ip >> 8) & 255)}.${String(ip & 255)}`,
    ).catch(() => null);
    w.trace.push(`objection filed → ${String(res?.statusCode ?? 'form closed')}`);
    if (res) expect(res.statusCode, res.body).toBeLessThan(500);
  },
  objectionHandled: async (w) => {
    const n = await noticeOf(w);
    if (n?.status !== 'published') return;
    const list = await objectionsOf(w, n.id);
    if (list.length === 0) return;
    const o = w.rng.pick(list);
    const act = w.rng.pick(['accept', 'decline', 'investigate', 'conclude'] as const);
    if (act === 'conclude') await conclude(w, o, w.rng.pick(['upheld', 'rejected']), w.rng.pick(['kept', 'withdrawn']));
    else
      await call(w, center, 'POST', `/api/objections/${o.id}/actions`, {
        action: act,
        version: o.version,
        ...(act === 'decline' ? { reason: '不属于异议范围' } : {}),
      });
  },
  finalList: (w) => call(w, center, 'POST', `/api/campaigns/${w.id}/final-list`, {}),
  time: (w) => {
    const ms = w.rng.int(0, 3) * DAY + w.rng.int(0, 23) * 3_600_000;
    clock.advance(ms);
    w.trace.push(`clock +${String(Math.round(ms / 3_600_000))} h → ${clock.now().toISOString()}`);
    return Promise.resolve();
  },
};

const ok = (res: LightMyRequestResponse, what: string, w: Walk) =>
  expect(res.statusCode, `${what} should succeed on the way to 已发布\n${w.trace.join('\n')}\n${res.body}`).toBeLessThan(300);

/** One step towards 已发布 from the current phase, as the center (and a unit) would do it; it must succeed. */
async function stepForward(w: Walk): Promise<string> {
  const c = await campaignOf(w);
  const future = c.deadline >= today();
  switch (c.status) {
    case 'draft':
      ok(future ? await transition(w, 'open') : await setDeadline(w, today(7), true), 'open with a future deadline', w);
      break;
    case 'open': {
      const forms = await formsOf(w, 'all');
      if (!forms.some((f) => f.status === 'submitted' || f.status === 'accepted')) {
        if (!future) ok(await setDeadline(w, today(7), true), 'extend the deadline', w);
        else expect((await unitSubmits(w, units[0]!)) || (await unitSubmits(w, units[1]!)), `a unit could not submit\n${w.trace.join('\n')}`).toBe(true);
      } else ok(c.shownStatus === 'open' ? await setDeadline(w, today(-1), true) : await transition(w, 'close'), 'close the call', w);
      break;
    }
    case 'closed': {
      const [f] = await formsOf(w, 'submitted');
      const accepted = (await formsOf(w, 'all')).some((x) => x.status === 'accepted');
      const pool = ((await call(w, center, 'GET', `/api/campaigns/${w.id}/pool`)).json() as { candidates: unknown[] }).candidates;
      if (f) ok(await call(w, center, 'POST', `/api/checks/${f.formId}/accept`, { version: await formVersion(w, f.formId) }), 'accept', w);
      else if (!accepted) ok(future ? await transition(w, 'reopen') : await setDeadline(w, today(7), true), 'reopen with a future deadline', w);
      else if (pool.length === 0) ok(await call(w, center, 'POST', `/api/campaigns/${w.id}/pool/refresh`), 'build the pool', w);
      else ok(await transition(w, 'startReview'), 'start the review', w);
      break;
    }
    case 'reviewing': {
      const open = (await resultsOf(w)).filter((r) => r.status !== 'selected' && r.status !== 'withdrawn');
      const n = await noticeOf(w);
      if (open.length > 0)
        ok(
          await call(w, center, 'POST', `/api/campaigns/${w.id}/review/decisions`, {
            candidates: open.map((r) => ({ id: r.id, version: r.version })),
            decision: 'selected',
          }),
          'select',
          w,
        );
      else if (!n) ok(await call(w, center, 'POST', '/api/notices', { campaignId: w.id, title: '公示', startDate: today() }), 'create the notice', w);
      else if (n.startDate < today())
        ok(await call(w, center, 'PATCH', `/api/notices/${n.id}`, { title: '公示', startDate: today(), version: n.version }), 'move the start to today', w);
      else ok(await call(w, center, 'POST', `/api/notices/${n.id}/publish`, { version: n.version }), 'publish the notice', w);
      break;
    }
    case 'publicizing': {
      const n = await noticeOf(w);
      expect(n?.status, `publicizing without a published notice\n${w.trace.join('\n')}`).toBe('published');
      const o = (await objectionsOf(w, n!.id)).find((x) => x.status === 'received' || x.status === 'accepted' || x.status === 'investigating');
      const after = new Date(`${n!.endDate}T00:00:00+08:00`).getTime() + DAY;
      if (o?.status === 'received')
        ok(await call(w, center, 'POST', `/api/objections/${o.id}/actions`, { action: 'decline', reason: '不属于异议范围', version: o.version }), 'decline', w);
      else if (o) ok(await conclude(w, o, 'rejected', 'kept'), 'conclude', w);
      else if (clock.now().getTime() < after) {
        clock.set(new Date(after));
        w.trace.push(`clock → ${clock.now().toISOString()} (notice period over)`);
      } else ok(await call(w, center, 'POST', `/api/campaigns/${w.id}/final-list`, {}), 'publish the final list', w);
      break;
    }
    case 'published':
    case 'archived':
      break;
    default:
      throw new Error(`unknown status ${c.status}`);
  }
  return c.status;
}

/** From any phase, steps forward until 已发布 (or 已归档 after it); answers where it ended. */
async function driveToPublished(w: Walk): Promise<string> {
  w.trace.push('--- drive to published ---');
  for (let i = 0; i < 40; i++) {
    const status = await stepForward(w);
    if (status === 'published' || status === 'archived') return status;
  }
  return (await campaignOf(w)).status;
}

describe('property: no click strands a campaign', () => {
  it(`${String(WALKS)} random walks of ${String(STEPS)} commands (seed ${String(SEED)}) each end in 已发布`, async () => {
    const reached = new Map<string, number>();
    const visited = new Map<string, number>();
    const names = Object.keys(COMMANDS);
    for (let k = 0; k < WALKS; k++) {
      clock.set(new Date(new Date('2024-10-08T09:00:00+08:00').getTime() + (k % 4) * DAY));
      const rng = random(SEED + k);
      const created = await center.inject({ method: 'POST', url: '/api/campaigns', payload: { ...FIELDS, deadline: today(rng.int(1, 6)) } });
      const w: Walk = { id: created.json().id, rng, trace: [`walk ${String(k)} seed ${String(SEED + k)}`] };
      await call(w, center, 'PUT', `/api/campaigns/${w.id}/roster`, { unitIds: units.map((u) => u.unit.id) });
      // Each walk first goes a random number of steps forward (the way the drive does), so that the random
      // commands that follow start from every phase, not only draft and open; a quarter of them go forward too.
      const lead = rng.int(0, 16);
      for (let s = 0; s < lead; s++) await stepForward(w);
      w.trace.push('--- random commands ---');
      for (let s = 0; s < STEPS; s++) {
        if (rng.chance(0.25)) await stepForward(w);
        else await COMMANDS[rng.pick(names)]!(w);
        const status = (await campaignOf(w)).status;
        visited.set(status, (visited.get(status) ?? 0) + 1);
      }
      const stopped = (await campaignOf(w)).status;
      reached.set(stopped, (reached.get(stopped) ?? 0) + 1);
      expect(await driveToPublished(w), w.trace.join('\n')).toMatch(/^(published|archived)$/);
    }
    // The random commands must actually be tried in every phase up to 已发布, or the property says little.
    console.info('random commands tried per phase:', Object.fromEntries(visited), '; walks stopped in:', Object.fromEntries(reached));
    expect([...visited.keys()].sort()).toEqual(expect.arrayContaining(['closed', 'draft', 'open', 'publicizing', 'reviewing']));
  }, 240_000);
});
