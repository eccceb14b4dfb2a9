import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreateForeignKeyOp } from '@athanor/ir'
import { foreignKeySql } from '../constraint-sql.js'
import { addConstraint } from './add-constraint.js'

/** `ALTER TABLE s ADD CONSTRAINT n FOREIGN KEY(a) REFERENCES r (b) [ON DELETE …] [ON UPDATE …]` */
export function compileCreateForeignKey(op: CreateForeignKeyOp, _ctx: HandlerContext): readonly Statement[] {
  // The op holds a foreign key's fields: it is passed as it is, not copied into a definition.
  return addConstraint(op.kind, { tableName: op.sourceTable, schema: op.sourceSchema, constraintName: op.constraintName, ifNotExists: op.ifNotExists }, op, foreignKeySql)
}
