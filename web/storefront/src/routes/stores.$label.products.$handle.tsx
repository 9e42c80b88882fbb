import { createFileRoute, notFound } from '@tanstack/react-router'
import { ProductPage, productLoader } from '../pages/product'

export const Route = createFileRoute('/stores/$label/products/$handle')({
  loader: async ({ context, params }) => {
    const product = await productLoader(context.shop, params.handle)
    if (context.shop.kind === 'open' && !product) throw notFound()
    return product
  },
  component: Page,
})

function Page() {
  const { shop } = Route.useRouteContext()
  const product = Route.useLoaderData()
  return shop.kind === 'open' && product ? <ProductPage key={product.id} shop={shop} product={product} /> : null
}
