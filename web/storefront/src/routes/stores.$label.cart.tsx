import { createFileRoute } from '@tanstack/react-router'
import { CartPage, cartLoader } from '../pages/cart'

export const Route = createFileRoute('/stores/$label/cart')({
  loader: ({ context }) => cartLoader(context.shop),
  component: Page,
})

function Page() {
  const { shop } = Route.useRouteContext()
  const data = Route.useLoaderData()
  return shop.kind === 'open' ? <CartPage shop={shop} initial={data?.cart ?? null} /> : null
}
