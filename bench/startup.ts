/** `npm run bench:startup`: only the CLI start-up timings of `npm run bench`. */
import { benchCliStartup } from './cli-startup.js';

await benchCliStartup();
