import { createAnalyticsOlapStore } from '../src/index';
import { describePortfolioOlapContract } from './portfolio-olap.contract';
import { tempDirs } from './store-location';

const newDir = tempDirs();

describePortfolioOlapContract('chDB', async () => {
  const dataDir = await newDir();
  return { open: () => createAnalyticsOlapStore({ dataDir }) };
});
