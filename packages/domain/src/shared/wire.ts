import { z } from 'zod';

/**
 * A date-time in a response: a Date on the server, an ISO 8601 string in the JSON (the response serializer encodes
 * it). Response ("view") schemas use it for every timestamp, so `z.infer` gives the server's type (Date) and
 * `Json<typeof Schema>` the web's (string).
 */
export const DateTimeSchema = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});

/** A value after JSON.stringify: Dates become ISO strings, the rest keeps its shape. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/** What a response schema looks like on the wire, as the web receives it (timestamps as ISO strings). */
export type Json<S extends z.ZodType> = Jsonified<z.output<S>>;
