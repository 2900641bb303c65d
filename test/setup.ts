// Unit and component tests run in jsdom with an in-memory IndexedDB.
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';

// `findBy…` waits for what a screen shows after reading IndexedDB. The default second is too
// short when the machine is busy (CI runs the suites in parallel on two cores): a slow wait is
// not a failure of the app, and a wrong result still fails at once.
configure({ asyncUtilTimeout: 5_000 });
