/** The page of test/mocks/sub-path/index.html: hands startMockBackend to the test that opens it. */
import { startMockBackend } from '../../../src/mocks/browser.js';

export type SubPathWindow = Window & { startMockBackend: typeof startMockBackend };

Object.assign(window, { startMockBackend });
