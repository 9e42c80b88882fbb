import type { CodegenConfig } from '@graphql-codegen/cli'

// Types and typed documents come from the API's own schema files, so a change to the
// schema that breaks the storefront fails its type-check (CI also checks src/gql is current).
const config: CodegenConfig = {
  schema: ['../../schema.graphqls', '../../graph/*.graphqls'],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        documentMode: 'string',
        scalars: { ID: 'string', Cursor: 'string', Time: 'string', Map: 'Record<string, string | number | boolean | null>' },
      },
    },
  },
}
export default config
