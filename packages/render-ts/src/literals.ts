// Scalars and property names as TypeScript source text.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** Escapes for the characters that cannot stand as they are inside a string literal (quotes aside). */
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
  '\0': '\\x00',
}

const hex4 = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`

/**
 * A string literal in single quotes, or in double quotes when that needs fewer escapes (as
 * prettier writes `"it's"`). Printable characters, non-ASCII ones included, stay as they are;
 * control characters, line and paragraph separators, the byte-order mark and unpaired
 * surrogates are escaped, so the literal is one line and means exactly `value`.
 * @example
 * stringLiteral('plain') // => "'plain'"
 * stringLiteral("it's") // => '"it\'s"'
 */
export function stringLiteral(value: string): string {
  const singles = value.split("'").length - 1
  const doubles = value.split('"').length - 1
  const quote = singles > doubles ? '"' : "'"
  let out = quote
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string
    const code = value.charCodeAt(i)
    const escaped = ch === quote ? `\\${quote}` : ESCAPES[ch]
    if (escaped !== undefined) {
      out += escaped
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + (value[i + 1] as string)
        i++
      } else out += hex4(code)
    } else if ((code >= 0xdc00 && code <= 0xdfff) || code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff) {
      out += hex4(code)
    } else {
      out += ch
    }
  }
  return out + quote
}

/**
 * A property name: bare when it is an identifier, quoted otherwise. `__proto__` is computed
 * (`['__proto__']`): written plainly, or even quoted, it would set the object's prototype.
 */
export function propertyName(key: string): string {
  if (key === '__proto__') return `[${stringLiteral(key)}]`
  return IDENTIFIER.test(key) ? key : stringLiteral(key)
}

/** A finite number as the shortest literal that reads back as the same number. */
export function numberLiteral(value: number): string {
  // JSON has no negative zero; a literal `-0` would not survive a round trip through JSON either.
  return Object.is(value, -0) ? '0' : String(value)
}
