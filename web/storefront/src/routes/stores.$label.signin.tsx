import { createFileRoute } from '@tanstack/react-router'
import { SignInPage } from '../pages/signin'

export const Route = createFileRoute('/stores/$label/signin')({ component: Page })

function Page() {
  const { shop } = Route.useRouteContext()
  return shop.kind === 'open' ? <SignInPage shop={shop} /> : null
}
