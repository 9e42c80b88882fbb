import { createFileRoute } from '@tanstack/react-router'
import { Confirmed, confirmedLoader } from '../pages/confirmed'

export const Route = createFileRoute('/stores/$label/confirmed')({
  loader: ({ context }) => confirmedLoader(context.shop),
  component: Page,
})

function Page() {
  const { shop } = Route.useRouteContext()
  const order = Route.useLoaderData()
  return shop.kind === 'open' ? <Confirmed shop={shop} order={order ?? null} /> : null
}
