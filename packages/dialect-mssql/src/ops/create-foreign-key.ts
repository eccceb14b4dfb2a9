import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreateForeignKeyOp } from '@athanor/ir'
import { addConstraint } from './add-constraint.js'

/** `ALTER TABLE s ADD CONSTRAINT n FOREIGN KEY(a) REFERENCES r (b) [ON DELETE …] [ON UPDATE …]` */
export function compileCreateForeignKey(op: CreateForeignKeyOp, _ctx: HandlerContext): readonly Statement[] {
  const { kind: _k, constraintName: _n, sourceTable: _t, sourceSchema: _s, ifNotExists: _i, info: _info, ...def } = op
  return addConstraint(op.kind, { tableName: op.sourceTable, schema: op.sourceSchema, constraintName: op.constraintName, ifNotExists: op.ifNotExists }, { type: 'foreignKey', ...def })
}
