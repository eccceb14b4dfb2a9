import { fileURLToPath } from 'node:url'

/** The repository's root folder, with a trailing slash. */
export function repositoryRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url))
}
