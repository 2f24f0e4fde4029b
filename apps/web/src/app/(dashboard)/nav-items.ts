import type { NavItem } from '../../components/shell/site-nav';

/** The dashboard's pages, in the order the header lists them: a new page is one entry here. */
export const NAV_ITEMS: readonly NavItem[] = [{ href: '/', label: 'Overview' }];
