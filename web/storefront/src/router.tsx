import { createRouter } from '@tanstack/react-router'
import { routeTree } from './routeTree.gen'

export function getRouter() {
  return createRouter({
    routeTree,
    scrollRestoration: true,
    defaultPreload: 'intent',
    defaultErrorComponent: ({ error }) => (
      <main className="page">
        <h1>Something went wrong</h1>
        <p role="alert">{error instanceof Error ? error.message : 'Please try again.'}</p>
      </main>
    ),
    defaultNotFoundComponent: () => (
      <main className="page">
        <h1>Page not found</h1>
      </main>
    ),
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof getRouter>
  }
}
