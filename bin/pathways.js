#!/usr/bin/env node
// Entry point of the `pathways` command. TypeScript sources run through tsx, so there is no
// separate compile step between `npm install` and `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
