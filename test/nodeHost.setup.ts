/**
 * Injected into every test bundle by scripts/build.mjs (`--tests`): the server modules read
 * files and the wasm parser through the platform host, and the tests run under Node, as the
 * CLI and the editor's Node server do. (test/host.test.ts switches to a host without a file system.)
 */
import { setHost } from '../server/src/host/host';
import { nodeHost } from '../server/src/host/nodeHost';

setHost(nodeHost);
