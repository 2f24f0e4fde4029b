import { createOltpStore } from '../src/index';
import { describeIdentityStoreContract } from './identity-store.contract';
import { tempDirs } from './store-location';

const newDir = tempDirs();

describeIdentityStoreContract('PGlite', async () => createOltpStore({ dataDir: await newDir() }));
