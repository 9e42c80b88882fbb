import { loadDirectory } from '../shop/directory.functions'
import type { Shop } from '../shop/store.functions'
import { t } from '../ui/i18n'

export type DirectoryData = Awaited<ReturnType<typeof loadDirectory>>

export function directoryLoader(after?: string) {
  return loadDirectory({ data: { after } })
}

/** The platform's directory of stores, each with its theme's colours. */
export function Directory({ shop, data }: { shop: Shop; data: DirectoryData }) {
  return (
    <main className="page" data-testid="directory">
      <h1>{t(shop.lang, 'All stores')}</h1>
      <ul className="stores">
        {data.stores.map((s) => (
          <li key={s.id} data-store={s.subdomain ?? undefined}>
            <a href={`${shop.site}/stores/${s.subdomain ?? ''}`}>
              <span className="swatches" aria-hidden="true">
                <span style={{ background: s.themeConfig?.colors.primary ?? '#ccc' }} />
                <span style={{ background: s.themeConfig?.colors.secondary ?? '#eee' }} />
              </span>
              <strong>{s.name}</strong>
              <span className="muted">
                {s.tenant.name}
                {s.storefrontType === 'b2b' ? ' · B2B' : ''}
              </span>
            </a>
          </li>
        ))}
      </ul>
      {data.next ? <a href={`/stores?after=${encodeURIComponent(data.next)}`}>{t(shop.lang, 'Next')}</a> : null}
    </main>
  )
}
