/** `npm run bench:startup`: only the start-up timings of `npm run bench` (CLI commands, server). */
import { benchCliStartup, benchServerStart } from './cli-startup.js';

await benchCliStartup();
await benchServerStart();
