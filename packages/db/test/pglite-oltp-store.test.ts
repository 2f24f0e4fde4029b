import { createOltpStore } from '../src/index';
import { describeIdentityStoreContract } from './identity-store.contract';
import { describeOltpStoreContract } from './oltp-store.contract';
import { tempDirs } from './store-location';

const newDir = tempDirs();

// Every test starts from an empty data dir, so every test also covers the first-open migration.
describeOltpStoreContract('PGlite', async () => {
  const dataDir = await newDir();
  return { open: () => createOltpStore({ dataDir }) };
});

describeIdentityStoreContract('PGlite', async () => createOltpStore({ dataDir: await newDir() }));
