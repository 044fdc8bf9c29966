import { createRequire } from 'node:module';

/**
 * This dueprocess's version, from its package.json: what a report names as the tool that made it.
 *
 * @example
 * `dueprocess ${TOOL_VERSION}` // 'dueprocess 0.1.0'
 */
export const TOOL_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
