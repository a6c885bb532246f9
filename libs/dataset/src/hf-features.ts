import type { FieldType, RowSchema } from './field-types.js';

/**
 * How a dataset card's YAML spells a type, as `datasets.Features._to_yaml_list` writes it:
 * `{dtype}`, `{list: dtype | fields | {list: …}}` or `{struct: fields}`.
 */
export type HfType = { readonly dtype: string } | { readonly list: string | HfFeature[] | HfType } | { readonly struct: HfFeature[] };

/** One entry of a `features` list. */
export type HfFeature = { readonly name: string } & HfType;

const DTYPES = { string: 'string', int64: 'int64', float64: 'float64', bool: 'bool' } as const;

function hfType(type: FieldType): HfType {
  switch (type.kind) {
    case 'list': {
      const items = hfType(type.items);
      // A list of scalars is `list: <dtype>`, a list of structs `list: [fields]`, a list of lists nests.
      if ('dtype' in items) return { list: items.dtype };
      if ('struct' in items) return { list: items.struct };
      return { list: items };
    }
    case 'struct':
      return { struct: hfFeatures(type.fields) };
    case 'string':
    case 'int64':
    case 'float64':
    case 'bool':
      return { dtype: DTYPES[type.kind] };
  }
}

/**
 * The `features` of a row schema as a dataset card declares them. Nullability is not part of a
 * `datasets` feature: every feature can hold None.
 */
export function hfFeatures(schema: RowSchema): HfFeature[] {
  return schema.map(([name, type]) => ({ name, ...hfType(type) }));
}
