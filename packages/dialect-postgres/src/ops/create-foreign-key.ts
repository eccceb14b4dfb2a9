import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreateForeignKeyOp } from '@athanor/ir'
import { foreignKeySql } from '../constraint-sql.js'
import { addConstraint } from './add-constraint.js'

/** `ALTER TABLE s ADD CONSTRAINT n FOREIGN KEY(a) REFERENCES r (b) [MATCH …] [ON DELETE …] [ON UPDATE …] [DEFERRABLE …] [NOT VALID]` */
export function compileCreateForeignKey(op: CreateForeignKeyOp, _ctx: HandlerContext): readonly Statement[] {
  return addConstraint(op.kind, { tableName: op.sourceTable, schema: op.sourceSchema, constraintName: op.constraintName, ifNotExists: op.ifNotExists }, () => foreignKeySql(op, 'alter', ''))
}
