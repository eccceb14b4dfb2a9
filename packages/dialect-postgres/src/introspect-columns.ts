import type { ColumnModel, Identity } from '@athanor/ir'
import { catalogDefault, genericType } from './introspect-types.js'
import { flagOf, intOf, namesOf, requiredText, textOf, type Row } from './introspect-rows.js'

/** The range of each integer type, for the default bounds of an identity sequence. */
const INTEGER_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  int2: [-32768n, 32767n],
  int4: [-2147483648n, 2147483647n],
  int8: [-9223372036854775808n, 9223372036854775807n],
}

/**
 * The sequence options PostgreSQL uses when an identity says nothing, for a type and an increment.
 * @example
 * identityDefaults('int4', 1n) // => { start: 1n, minValue: 1n, maxValue: 2147483647n }
 */
export function identityDefaults(typeName: string, increment: bigint): { readonly start: bigint; readonly minValue: bigint; readonly maxValue: bigint } {
  const [low, high] = INTEGER_RANGES[typeName] ?? INTEGER_RANGES['int8'] ?? [0n, 0n]
  return increment > 0n ? { start: 1n, minValue: 1n, maxValue: high } : { start: -1n, minValue: low, maxValue: -1n }
}

function big(row: Row, key: string): bigint | undefined {
  const v = textOf(row, key)
  return v === undefined ? undefined : BigInt(v)
}

/** An identity with the options that differ from PostgreSQL's defaults (those are omitted). */
function identityOf(row: Row, typeName: string): Identity {
  const increment = big(row, 'seq_increment') ?? 1n
  const defaults = identityDefaults(typeName, increment)
  const out: { -readonly [K in keyof Identity]: Identity[K] } = {}
  if (textOf(row, 'identity') === 'a') out.always = true
  const start = big(row, 'seq_start')
  const min = big(row, 'seq_min')
  const max = big(row, 'seq_max')
  const cache = big(row, 'seq_cache')
  if (start !== undefined && start !== (increment > 0n ? (min ?? defaults.minValue) : (max ?? defaults.maxValue))) out.start = Number(start)
  if (increment !== 1n) out.increment = Number(increment)
  if (min !== undefined && min !== defaults.minValue) out.minValue = Number(min)
  if (max !== undefined && max !== defaults.maxValue) out.maxValue = Number(max)
  if (cache !== undefined && cache !== 1n) out.cache = Number(cache)
  if (flagOf(row, 'seq_cycle')) out.cycle = true
  return out
}

/**
 * A column of the catalog as the schema model keeps it: its generic type, nullability, default
 * (an integer column numbered by a sequence is `autoincrement: true`), identity, generated
 * expression and comment.
 * @example
 * columnOfRow({ name: 'id', type_name: 'int4', type_kind: 'b', typmod: -1, formatted: 'integer', not_null: true,
 *   default_sql: "nextval('t_id_seq'::regclass)", identity: '', generated: '' })
 * // => { name: 'id', type: 'integer', nullable: false, autoincrement: true }
 */
export function columnOfRow(row: Row): ColumnModel {
  const typeName = requiredText(row, 'type_name')
  const enumValues = namesOf(row, 'enum_values')
  const collation = textOf(row, 'collation')
  const type = genericType({
    typeName,
    typeKind: requiredText(row, 'type_kind'),
    typmod: intOf(row, 'typmod'),
    formatted: requiredText(row, 'formatted'),
    ...(enumValues.length === 0 ? {} : { enumValues }),
    ...(collation === undefined ? {} : { collation }),
  })
  const defaultSql = textOf(row, 'default_sql')
  const generated = textOf(row, 'generated') ?? ''
  const identity = textOf(row, 'identity') ?? ''
  const comment = textOf(row, 'comment')
  let extra: Partial<Pick<ColumnModel, 'serverDefault' | 'autoincrement' | 'computed' | 'identity'>> = {}
  if (generated !== '' && defaultSql !== undefined) {
    // PostgreSQL 12+ generated columns are always stored.
    extra = { computed: { sqltext: defaultSql, persisted: true } }
  } else if (defaultSql !== undefined) {
    extra = catalogDefault(defaultSql, typeName)
  }
  if (identity !== '') extra = { ...extra, identity: identityOf(row, typeName) }
  return {
    name: requiredText(row, 'name'),
    type,
    nullable: !flagOf(row, 'not_null'),
    ...extra,
    ...(comment === undefined ? {} : { comment }),
  }
}
