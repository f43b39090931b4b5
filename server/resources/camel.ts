import type * as v from 'valibot';

/** `site_id` as `siteId`. */
type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;

/** What a resource is read from: each of its fields under its camelCase name (`site_id` from `siteId`). */
export type CamelOf<T> = { [K in keyof T & string as Camel<K>]: T[K] };

type ObjectSchema = v.ObjectSchema<v.ObjectEntries, undefined>;

/**
 * The resource `schema` describes (snake_case, as the REST API answers it and webhooks carry it), from a view with the
 * same fields in camelCase; the type checks that the view has every field, of its type.
 */
export function resourceOf<S extends ObjectSchema>(schema: S, view: CamelOf<v.InferOutput<S>>): v.InferOutput<S> {
  const from = view as Record<string, unknown>;
  const field = (k: string) => from[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())];
  return Object.fromEntries(Object.keys(schema.entries).map((k) => [k, field(k)]));
}
