/**
 * `@athanor/render-ts`: ops and migration scripts rendered back as TypeScript source that builds
 * them with the factories of `@athanor/ir`, as Alembic's autogenerate writes migration scripts
 * from its operation objects.
 * @packageDocumentation
 */
export { renderTs } from './render-ts.js'
export type { RenderTsOptions } from './render-ts.js'
