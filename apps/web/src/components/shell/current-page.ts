/**
 * Whether the page at `pathname` belongs to the navigation entry `href`: the entry itself or a
 * page below it (`/alerts/new` is under `/alerts`). The root entry matches only the root.
 */
export function isCurrentPage(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  const base = href.endsWith('/') ? href.slice(0, -1) : href;
  return pathname === base || pathname.startsWith(`${base}/`);
}
