import { createFileRoute } from '@tanstack/react-router'
import { Directory, directoryLoader } from '../pages/directory'

export const Route = createFileRoute('/stores/')({
  validateSearch: (s: Record<string, unknown>) => ({ after: typeof s.after === 'string' ? s.after : undefined }),
  loaderDeps: ({ search }) => search,
  loader: ({ deps }) => directoryLoader(deps.after),
  component: () => <Directory shop={Route.useRouteContext().shop} data={Route.useLoaderData()} />,
})
