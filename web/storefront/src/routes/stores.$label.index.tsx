import { createFileRoute } from '@tanstack/react-router'
import { Grid, gridLoader, validateGrid } from '../pages/grid'

export const Route = createFileRoute('/stores/$label/')({
  validateSearch: validateGrid,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => gridLoader(context.shop, deps),
  component: Page,
})

function Page() {
  const { shop } = Route.useRouteContext()
  const data = Route.useLoaderData()
  return shop.kind === 'open' && data ? <Grid shop={shop} data={data} query={Route.useSearch()} /> : null
}
