import mysql from 'mysql2/promise'
const c = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: 'test' })
const q = async (sql) => { try { const [r] = await c.query(sql); return Array.isArray(r) ? JSON.stringify(r.map(x => Object.values(x).join(':'))) : 'ok' } catch (e) { return 'ERR ' + e.message } }
await q('DROP DATABASE IF EXISTS athy'); await q('CREATE DATABASE athy'); await q('USE athy')
const ck = "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA='athy'"
for (const s of [
  "CREATE TABLE t (id INT PRIMARY KEY, a TEXT, b INT, CONSTRAINT ck1 CHECK (1 = 1), CONSTRAINT ck2 CHECK (b > 0))", ck,
  "ALTER TABLE t DROP COLUMN a", ck,
  "ALTER TABLE t ADD CONSTRAINT ck3 CHECK (1 = 1)", ck,
  "ALTER TABLE t ADD COLUMN z INT", ck,
  "ALTER TABLE t MODIFY z BIGINT", ck,
  "ALTER TABLE t ADD CONSTRAINT ck4 CHECK (2 > 1)", ck,
  "ALTER TABLE t ADD COLUMN y INT", ck,
  "ALTER TABLE t ADD CONSTRAINT ck5 CHECK (b + 0 = b or 1 = 1)", "ALTER TABLE t DROP COLUMN y", ck,
]) console.log(s.slice(0, 90), '=>', await q(s))
await c.end()
