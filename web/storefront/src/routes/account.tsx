import { createFileRoute } from '@tanstack/react-router'
import { AccountPage, accountLoader } from '../pages/account'

export const Route = createFileRoute('/account')({
  loader: ({ context }) => accountLoader(context.shop),
  component: Page,
})

function Page() {
  const { shop } = Route.useRouteContext()
  const data = Route.useLoaderData()
  return shop.kind === 'open' && data ? <AccountPage shop={shop} data={data} /> : null
}
