import { Overview } from '../../features/overview/overview';

/** `/`: the chains' indexing status and the live trade feed; signed in, the watchlist and API keys. */
export default function OverviewPage() {
  return <Overview />;
}
