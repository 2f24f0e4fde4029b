'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isCurrentPage } from './current-page';

export interface NavItem {
  href: string;
  label: string;
}

/** The dashboard's pages; the one shown is marked for people and assistive technology alike. */
export function SiteNav({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard pages">
      <ul className="flex flex-wrap gap-4 text-sm">
        {items.map((item) => {
          const current = isCurrentPage(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                data-testid="nav-link"
                aria-current={current ? 'page' : undefined}
                className={
                  current ? 'font-medium text-zinc-50' : 'text-zinc-400 hover:text-zinc-200'
                }
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
