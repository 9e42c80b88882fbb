/// <reference types="vite/client" />
import { createRootRouteWithContext, HeadContent, Outlet, Scripts, useRouterState } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { shopFor } from '../shop/context'
import type { Shop } from '../shop/store.functions'
import { safeURL, themeStyle } from '../shop/theme'
import { ClosedStore } from '../ui/ClosedStore'
import { Header } from '../ui/Header'
import css from '../ui/styles.css?url'

export const Route = createRootRouteWithContext<object>()({
  beforeLoad: async ({ location }) => ({ shop: await shopFor(location.pathname) }),
  head: ({ match }) => {
    const shop = (match.context as { shop?: Shop }).shop
    const store = shop && shop.kind !== 'platform' ? shop.store : null
    const icon = safeURL(store?.theme?.favicon)
    return {
      meta: [{ charSet: 'utf-8' }, { name: 'viewport', content: 'width=device-width, initial-scale=1' }, { title: store?.name ?? 'CityOS stores' }],
      links: [{ rel: 'stylesheet', href: css }, ...(icon ? [{ rel: 'icon', href: icon }] : [])],
    }
  },
  // The shell renders even when resolving the store failed, so errors get a whole page.
  shellComponent: Document,
  component: Root,
})

function Root() {
  const { shop } = Route.useRouteContext()
  return (
    <>
      <Header shop={shop} />
      {shop.kind === 'closed' ? <ClosedStore shop={shop} /> : <Outlet />}
    </>
  )
}

/** The document: the store's language, direction and theme are on <html> in the server render. */
function Document({ children }: { children: ReactNode }) {
  const shop = useRouterState({ select: (s) => (s.matches[0]?.context as { shop?: Shop } | undefined)?.shop })
  const theme = shop && shop.kind !== 'platform' ? shop.store?.theme : null
  const lang = shop?.lang ?? 'en'
  return (
    <html lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'} style={themeStyle(theme)}>
      <head>
        <HeadContent />
      </head>
      <body>
        {children}
        <Scripts />
      </body>
    </html>
  )
}
