import { createFileRoute } from '@tanstack/react-router'
import { Directory, directoryLoader } from '../pages/directory'
import { Grid, gridLoader, validateGrid } from '../pages/grid'

// "/" is a store's home when the address (or the shopper's cookie on the platform site)
// names a store, and the directory of stores otherwise.
export const Route = createFileRoute('/')({
  validateSearch: validateGrid,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps }) =>
    context.shop.kind === 'platform' ? { directory: await directoryLoader() } : { grid: await gridLoader(context.shop, deps) },
  component: Home,
})

function Home() {
  const { shop } = Route.useRouteContext()
  const data = Route.useLoaderData()
  const query = Route.useSearch()
  if (shop.kind === 'open' && 'grid' in data && data.grid) return <Grid shop={shop} data={data.grid} query={query} />
  if ('directory' in data && data.directory) return <Directory shop={shop} data={data.directory} />
  return null
}
