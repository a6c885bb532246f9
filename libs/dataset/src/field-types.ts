/**
 * The type of one dataset field: the single source from which the JSON writers render numbers
 * (a float is always written with a decimal point, so `top_p: 1` never becomes an integer column),
 * the Parquet schema is built and the dataset card's `features` are written.
 */
export type FieldType =
  | { readonly kind: 'string'; readonly nullable: boolean }
  | { readonly kind: 'int64'; readonly nullable: boolean }
  | { readonly kind: 'float64'; readonly nullable: boolean }
  | { readonly kind: 'bool'; readonly nullable: boolean }
  | { readonly kind: 'list'; readonly nullable: boolean; readonly items: FieldType }
  | { readonly kind: 'struct'; readonly nullable: boolean; readonly fields: StructFields };

/** A struct's fields in their written order. */
export type StructFields = readonly (readonly [name: string, type: FieldType])[];

export const string: FieldType = { kind: 'string', nullable: false };
export const int64: FieldType = { kind: 'int64', nullable: false };
export const float64: FieldType = { kind: 'float64', nullable: false };
export const bool: FieldType = { kind: 'bool', nullable: false };

export function list(items: FieldType): FieldType {
  return { kind: 'list', nullable: false, items };
}

export function struct(fields: StructFields): FieldType {
  return { kind: 'struct', nullable: false, fields };
}

/** The same type, allowing null (never absent: a nullable field is written as `null`). */
export function nullable(type: FieldType): FieldType {
  return { ...type, nullable: true };
}

/** A row schema: the fields of one file's rows, in the order they are written. */
export type RowSchema = StructFields;

/**
 * Builds a row schema from a file's field list (the order) and a type per field. The mapped type
 * makes a field added to the list without a type a compile error, so a new field cannot reach a
 * file untyped.
 */
export function rowSchema<const Fields extends readonly string[]>(fields: Fields, types: { readonly [K in Fields[number]]: FieldType }): RowSchema {
  return fields.map((name) => [name, types[name as Fields[number]]] as const);
}
