// The layout of rendered source: a tree of text, concatenations and bracketed lists, printed the
// way a person (or prettier) would write it: a list on one line when it fits, otherwise one item
// per line, indented by two spaces, each followed by a comma.

/** Text that never holds a line break. */
export interface Text {
  readonly type: 'text'
  readonly text: string
}

/** Parts written one after the other (`key: ` then a value, `addColumn(` then `{ … }` then `)`). */
export interface Concat {
  readonly type: 'concat'
  readonly parts: readonly Doc[]
}

/** A bracketed, comma-separated list: an object literal, an array literal. */
export interface List {
  readonly type: 'list'
  readonly open: string
  readonly close: string
  readonly items: readonly Doc[]
  /** Spaces inside the brackets when on one line: `{ a: 1 }`, but `[1, 2]`. */
  readonly padded: boolean
  /** Always one item per line (an op list reads better that way, even when it would fit). */
  readonly broken: boolean
}

/** A piece of layout. */
export type Doc = Text | Concat | List

/** A piece of text. */
export const text = (value: string): Text => ({ type: 'text', text: value })

/** Parts in a row. */
export const concat = (...parts: readonly Doc[]): Concat => ({ type: 'concat', parts })

/** An object literal (`{ a: 1 }`) or an array literal (`[1, 2]`). */
export function list(kind: 'object' | 'array', items: readonly Doc[], broken = false): List {
  return kind === 'object'
    ? { type: 'list', open: '{', close: '}', items, padded: true, broken: broken && items.length > 0 }
    : { type: 'list', open: '[', close: ']', items, padded: false, broken: broken && items.length > 0 }
}

/** The one-line form, or undefined when the doc must break. */
function flat(doc: Doc): string | undefined {
  switch (doc.type) {
    case 'text':
      return doc.text
    case 'concat': {
      let out = ''
      for (const p of doc.parts) {
        const f = flat(p)
        if (f === undefined) return undefined
        out += f
      }
      return out
    }
    case 'list': {
      if (doc.broken) return undefined
      if (doc.items.length === 0) return doc.open + doc.close
      const items: string[] = []
      for (const item of doc.items) {
        const f = flat(item)
        if (f === undefined) return undefined
        items.push(f)
      }
      const pad = doc.padded ? ' ' : ''
      return `${doc.open}${pad}${items.join(', ')}${pad}${doc.close}`
    }
  }
}

/** How wide the doc is on one line up to its first possible break (for what follows a list). */
function headWidth(doc: Doc): number {
  switch (doc.type) {
    case 'text':
      return doc.text.length
    case 'concat':
      return doc.parts.reduce((n, p) => n + headWidth(p), 0)
    case 'list':
      return flat(doc)?.length ?? doc.open.length
  }
}

/**
 * Prints `doc` starting at `column`, with `indent` spaces at the start of its broken lines and
 * `trailing` characters that must still fit after it on its last line (a comma, a parenthesis).
 */
function print(doc: Doc, indent: number, column: number, trailing: number, width: number): string {
  switch (doc.type) {
    case 'text':
      return doc.text
    case 'concat': {
      let out = ''
      let col = column
      doc.parts.forEach((part, i) => {
        const rest = doc.parts.slice(i + 1).reduce((n, p) => n + headWidth(p), 0) + trailing
        const s = print(part, indent, col, rest, width)
        out += s
        const nl = s.lastIndexOf('\n')
        col = nl === -1 ? col + s.length : s.length - nl - 1
      })
      return out
    }
    case 'list': {
      const f = flat(doc)
      if (f !== undefined && column + f.length + trailing <= width) return f
      const inner = ' '.repeat(indent + 2)
      const lines = doc.items.map((item) => `${inner}${print(item, indent + 2, indent + 2, 1, width)},`)
      return `${doc.open}\n${lines.join('\n')}\n${' '.repeat(indent)}${doc.close}`
    }
  }
}

/**
 * Lays `doc` out within `width` columns, starting at column 0.
 * @example
 * layout(list('array', [text('1'), text('2')]), 80) // => '[1, 2]'
 */
export function layout(doc: Doc, width: number): string {
  return print(doc, 0, 0, 0, width)
}
