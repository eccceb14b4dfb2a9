import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { CreateForeignKeyOp } from '@athanor/ir'
import { foreignKeySql } from '../constraint-sql.js'
import { postgresQuote as q } from '../quote.js'
import { refuseIfNotExists } from './add-constraint.js'

/** `ALTER TABLE s ADD CONSTRAINT n FOREIGN KEY(a) REFERENCES r (b) [MATCH …] [ON DELETE …] [ON UPDATE …] [DEFERRABLE …] [NOT VALID]` */
export function compileCreateForeignKey(op: CreateForeignKeyOp, _ctx: HandlerContext): readonly Statement[] {
  refuseIfNotExists(op.kind, op.ifNotExists)
  // Written out rather than through addConstraint: the most common constraint op, compiled without
  // a closure or a names object (dispatch names the op in a refusal of foreignKeySql).
  return [statement(`${alterTable(q, op.sourceTable, op.sourceSchema)} ADD CONSTRAINT ${q.ident(op.constraintName)} ${foreignKeySql(op, 'alter', '')}`)]
}
