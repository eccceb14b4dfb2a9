import { describe, expect, it } from 'vitest'
import { renameInSql, sqlMentions } from '@athanor/ir'

describe('sqlMentions', () => {
  it('finds bare and quoted column names', () => {
    expect(sqlMentions('email IS NOT NULL', 'email')).toBe(true)
    expect(sqlMentions('EMAIL IS NOT NULL', 'email')).toBe(true)
    expect(sqlMentions('"Email" IS NOT NULL', 'Email')).toBe(true)
    expect(sqlMentions('"Email" IS NOT NULL', 'email')).toBe(false)
    expect(sqlMentions('`a b` > 0 AND [c]] d] > 0', 'a b')).toBe(true)
    expect(sqlMentions('`a b` > 0 AND [c]] d] > 0', 'c] d')).toBe(true)
    expect(sqlMentions('t.email IS NULL', 'email')).toBe(true)
  })

  it('skips strings, comments, function names, qualifiers, casts and numbers', () => {
    expect(sqlMentions("note <> 'email' -- email\n", 'email')).toBe(false)
    expect(sqlMentions('/* email */ note', 'email')).toBe(false)
    expect(sqlMentions('lower(x)', 'lower')).toBe(false)
    expect(sqlMentions('lower (x)', 'lower')).toBe(false)
    expect(sqlMentions('email.x > 0', 'email')).toBe(false)
    expect(sqlMentions('x::text', 'text')).toBe(false)
    expect(sqlMentions('x > 1e5', 'e5')).toBe(false)
    expect(sqlMentions("'it''s email'", 'email')).toBe(false)
  })
})

describe('renameInSql', () => {
  it('renames each mention in the quoting it was written with', () => {
    expect(renameInSql("email LIKE '%@email%' AND lower(email) = EMAIL", 'email', 'mail')).toBe("mail LIKE '%@email%' AND lower(mail) = mail")
    expect(renameInSql('"Email" > 0', 'Email', 'Mail"x')).toBe('"Mail""x" > 0')
    expect(renameInSql('[a] > 0 AND `a` > 1', 'a', 'b]')).toBe('[b]]] > 0 AND `b]` > 1')
  })

  it('quotes a bare mention when the new name needs it', () => {
    expect(renameInSql('a > 0', 'a', 'Big')).toBe('"Big" > 0')
    expect(renameInSql('a > 0', 'a', 'b')).toBe('b > 0')
    expect(renameInSql('x > 0', 'a', 'b')).toBe('x > 0')
  })
})
