import { createFileRoute } from '@tanstack/react-router'
import { CheckoutPage, checkoutLoader } from '../pages/checkout'

export const Route = createFileRoute('/checkout')({
  loader: ({ context }) => checkoutLoader(context.shop),
  component: Page,
})

function Page() {
  const { shop } = Route.useRouteContext()
  const data = Route.useLoaderData()
  return shop.kind === 'open' && data ? <CheckoutPage shop={shop} initial={data} /> : null
}
