#!/usr/bin/env node
// Runs the TypeScript CLI in this process: tsx's loaders (ESM and CommonJS, as `node --import
// tsx` registers them) first, then the CLI, so the package needs no build step and no second
// Node process starts.
await import('tsx');
await import('../src/cli/main.ts');
