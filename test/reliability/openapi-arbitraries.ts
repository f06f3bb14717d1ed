/**
 * fast-check arbitraries from the JSON Schemas of an OpenAPI document: values that follow the schema
 * ("valid-ish": right types, enums, patterns, catalog ids) and hostile ones (wrong types, huge
 * strings, NUL, unpaired surrogates, deep nesting, prototype keys, impossible dates), plus raw bodies
 * that no object can express (duplicate keys, broken JSON, nesting 100,000 deep).
 *
 * Only the JSON Schema keywords the document uses are read (type, enum, const, properties, required,
 * additionalProperties, propertyNames, items, min/maxItems, min/maxLength, minimum/maximum, pattern,
 * format: uuid); anything else is treated as "any JSON value".
 */
import fc from 'fast-check';

export type JsonSchema = { [key: string]: unknown };

/** Words the server knows (catalog ids, enum values), so valid-ish values reach the deep code paths. */
export interface Vocabulary {
  ids: readonly string[];
  /** Words for a property or parameter of this name (`role`, `certificationId`, ...), tried first. */
  byName?: Readonly<Record<string, readonly string[]>>;
}

const DATE_PATTERN = /\\d\{4\}-\\d\{2\}/;

const realDay = fc
  .record({
    y: fc.integer({ min: 1960, max: 2040 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const realDate = fc.oneof(
  realDay,
  realDay.map((d) => d.slice(0, 7)),
);
const oddDates = fc.constantFrom(
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '2026-00',
  '+275760-09-13',
  '2026-1-1',
  '２０２６-０１-０１',
);

function patternArb(pattern: string, maxLength: number, vocab: Vocabulary): fc.Arbitrary<string> {
  if (DATE_PATTERN.test(pattern))
    return fc.oneof({ weight: 8, arbitrary: realDate }, { weight: 1, arbitrary: oddDates });
  let matching: fc.Arbitrary<string>;
  try {
    matching = fc.stringMatching(new RegExp(pattern)).filter((s) => s.length <= maxLength);
  } catch {
    matching = fc.string({ maxLength: Math.min(maxLength, 40) });
  }
  const known = vocab.ids.filter((id) => id.length <= maxLength && safeTest(pattern, id));
  return known.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, matching) : matching;
}

function safeTest(pattern: string, s: string): boolean {
  try {
    return new RegExp(pattern).test(s);
  } catch {
    return false;
  }
}

function typesOf(schema: JsonSchema): string[] {
  const t = schema.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

/** Values that follow `schema` (as far as the keywords above go), nested at most `depth` levels. */
export function validish(
  schema: JsonSchema | undefined,
  vocab: Vocabulary,
  depth = 0,
  name?: string,
): fc.Arbitrary<unknown> {
  if (!schema || typeof schema !== 'object') return anyJson;
  const named = name !== undefined ? vocab.byName?.[name] : undefined;
  const t = typesOf(schema);
  if (named?.length && !schema.enum && (t.includes('string') || t.includes('array'))) {
    const word = fc.constantFrom(...named);
    const plain = validish(schema, vocab, depth);
    if (t.includes('array')) {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
      return fc.oneof(
        { weight: 4, arbitrary: fc.array(word, { minLength: min, maxLength: min + 2 }) },
        plain,
      );
    }
    return fc.oneof({ weight: 4, arbitrary: word }, plain);
  }
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const types = typesOf(schema);
  if (types.length === 0) return anyJson;
  if (types.length > 1)
    return fc.oneof(...types.map((type) => validish({ ...schema, type }, vocab, depth, name)));
  const n = (k: string) => (typeof schema[k] === 'number' ? (schema[k] as number) : undefined);
  switch (types[0]) {
    case 'object': {
      if (depth > 6) return fc.constant({});
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      const keys = Object.keys(props);
      if (keys.length) {
        const shape = Object.fromEntries(keys.map((k) => [k, validish(props[k], vocab, depth + 1, k)]));
        const requiredKeys = required.filter((k) => keys.includes(k));
        // Often only the required keys: every optional one is another chance to be refused.
        const minimal = Object.fromEntries(requiredKeys.map((k) => [k, shape[k]!]));
        return fc.oneof(fc.record(minimal), fc.record(shape, { requiredKeys }));
      }
      const extra = schema.additionalProperties;
      const names = schema.propertyNames as JsonSchema | undefined;
      const keyWords = (name !== undefined ? vocab.byName?.[`${name}{}`] : undefined) ?? vocab.ids;
      const keyArb = fc.oneof(
        {
          weight: 3,
          arbitrary: keyWords.length ? fc.constantFrom(...keyWords) : fc.string({ maxLength: 20 }),
        },
        validish(names ?? { type: 'string', maxLength: 30 }, vocab, depth + 1) as fc.Arbitrary<string>,
      );
      const valueArb =
        extra && typeof extra === 'object' && Object.keys(extra).length
          ? validish(extra as JsonSchema, vocab, depth + 1)
          : fc.oneof(
              { weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) },
              fc.integer({ min: -1, max: 7 }),
              anyJson,
            );
      return fc.dictionary(keyArb, valueArb, { maxKeys: 5 });
    }
    case 'array': {
      const min = n('minItems') ?? 0;
      const max = Math.min(n('maxItems') ?? min + 3, min + 3);
      if (depth > 6) return fc.constant([]);
      return fc.array(validish(schema.items as JsonSchema, vocab, depth + 1, name), {
        minLength: min,
        maxLength: max,
      });
    }
    case 'string': {
      const minLength = n('minLength') ?? 0;
      const maxLength = n('maxLength') ?? 200;
      if (schema.format === 'uuid') return fc.uuid();
      if (typeof schema.pattern === 'string') return patternArb(schema.pattern, maxLength, vocab);
      const words = vocab.ids.filter((w) => w.length >= minLength && w.length <= maxLength);
      const text = fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength, 40)) });
      return words.length ? fc.oneof(text, fc.constantFrom(...words)) : text;
    }
    case 'integer':
      return fc.integer({ min: Math.ceil(n('minimum') ?? -1000), max: Math.floor(n('maximum') ?? 100_000) });
    case 'number':
      return fc.oneof(
        fc.integer({ min: Math.ceil(n('minimum') ?? -1000), max: Math.floor(n('maximum') ?? 100_000) }),
        fc.double({ min: n('minimum') ?? -1000, max: n('maximum') ?? 100_000, noNaN: true }),
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return anyJson;
  }
}

const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

function nestedArrays(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i += 1) v = [v];
  return v;
}

/** Strings an attacker (or a bad paste) sends. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1_000, max: 300_000 }).map((len) => 'A'.repeat(len)),
  fc.string().map((s) => `${s}\u0000${s}`),
  fc.constant('\u0000'.repeat(10)),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '\uD800',
    '\uDFFFx\uD800',
    '\u202Egnp.exe',
    '\u200B\u200C\u200D\uFEFF',
    '👩🏽‍⚕️🏥',
    'e\u0301\u0301\u0301\u0301',
    'İıſK',
    "' OR '1'='1' --",
    '"; DROP TABLE users; --',
    '<script>alert(1)</script>',
    '${7*7}{{7*7}}',
    '../../../../etc/passwd',
    '%00%2e%2e%2f',
    '__proto__',
    'constructor',
    '   ',
    '',
    '9'.repeat(400),
    '1e309',
    '-0',
    'NaN',
    'null',
    'true',
  ),
  oddDates,
);

/** Values of the wrong type, or of the right type with a hostile payload. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    -0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    0.1 + 0.2,
    [],
    {},
    [null],
    JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
  ),
  fc.integer({ min: 2, max: 2_000 }).map(nestedArrays),
  fc.array(fc.constant({ date: '2026-01-01', hours: 1 }), { minLength: 5_001, maxLength: 5_200 }),
  anyJson,
);

/** Replaces the `pick`-th node of `value` (counting depth-first, the root included) with `replacement`. */
export function replaceNode(value: unknown, pick: number, replacement: unknown): unknown {
  const nodes: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        nodes.push({ parent: v, key: i });
        walk(x);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        nodes.push({ parent: v as Record<string, unknown>, key: k });
        walk(x);
      }
    }
  };
  const copy = structuredCloneSafe(value);
  walk(copy);
  const index = pick % (nodes.length + 1);
  if (index === nodes.length) return replacement;
  const { parent, key } = nodes[index]!;
  (parent as Record<string | number, unknown>)[key] = replacement;
  return copy;
}

function structuredCloneSafe(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** A raw request body: text the JSON parser (or the YAML reader) must refuse or read safely. */
export function rawBodies(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    // A key given twice: the second value would silently win.
    fc.tuple(valid, hostileValue).map(([v, h]) => {
      if (!v || typeof v !== 'object' || Array.isArray(v))
        return `{"a":1,"a":${JSON.stringify(h) ?? 'null'}}`;
      const first = Object.keys(v)[0];
      if (first === undefined) return `{"x":1,"x":2}`;
      return `{${JSON.stringify(first)}:${JSON.stringify(h) ?? 'null'},${JSON.stringify(v).slice(1)}`;
    }),
    // Broken JSON.
    valid.map((v) => {
      const text = JSON.stringify(v) ?? 'null';
      return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    }),
    fc.constantFrom(
      '',
      ' ',
      '{',
      '}',
      '[',
      '{"a":1,}',
      "{'a':1}",
      '\uFEFF{}',
      'null',
      '"text"',
      '1',
      'NaN',
      '{"a":01}',
      '\u0000',
    ),
    // Deep nesting.
    fc.integer({ min: 1_000, max: 100_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
    fc.integer({ min: 1_000, max: 50_000 }).map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)),
    // Over the 1 MB body limit.
    fc.constant(`{"a":"${'x'.repeat(1_100_000)}"}`),
  );
}

/** YAML bodies for the routes that read YAML: aliases, deep flow nesting, tags, huge documents. */
export const yamlBodies: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'format: hm-pathways/profile@1\nce:\n  - date: 2026-01-01\n    hours: 2\n',
    'a: &a [1,2,3]\nb: *a\n',
    'a: &a ["x","x"]\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\nd: [*c,*c,*c,*c]\n',
    '!!js/function "function(){}"',
    '? [a, b]\n: c\n',
    'a: 1\na: 2\n',
    '%YAML 9.9\n---\na: 1\n',
    '---\na: 1\n---\nb: 2\n',
    '\t- bad indent',
  ),
  fc.integer({ min: 1_000, max: 100_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
  fc
    .integer({ min: 1_000, max: 20_000 })
    .map((d) => Array.from({ length: d }, (_, i) => `${' '.repeat(i % 200)}k${i}:`).join('\n')),
);
