import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { DateTimeSchema, type Json } from './wire.ts';

const Schema = z.object({ at: DateTimeSchema, maybe: DateTimeSchema.nullable(), list: z.array(z.object({ when: DateTimeSchema, n: z.number() })) });

describe('DateTimeSchema', () => {
  it('a Date on the server is an ISO string in the JSON, and back', () => {
    const at = new Date('2024-10-22T15:59:00.000Z');
    const json = z.encode(Schema, { at, maybe: null, list: [{ when: at, n: 1 }] });
    expect(json).toEqual({ at: '2024-10-22T15:59:00.000Z', maybe: null, list: [{ when: '2024-10-22T15:59:00.000Z', n: 1 }] });
    expect(z.decode(Schema, json).at.getTime()).toBe(at.getTime());
  });

  it('Json<S> is what the web receives: strings for dates, the rest unchanged', () => {
    expectTypeOf<Json<typeof Schema>>().toEqualTypeOf<{ at: string; maybe: string | null; list: { when: string; n: number }[] }>();
  });

  it('an invalid date is refused rather than sent', () => {
    expect(z.safeEncode(DateTimeSchema, new Date('x')).success).toBe(false);
  });
});
