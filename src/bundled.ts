/**
 * The curated dataset shipped with the package. It was validated (shape and integrity) when the package was built
 * and is stored as JSON, so loading it reads no file, parses no YAML and runs no schema.
 *
 * @module
 */
import json from 'virtual:untoc-kg/dataset';
import type { Dataset } from './model/dataset.js';

let cached: Dataset | undefined;

/**
 * The curated dataset (parsed once, then shared; treat it as read-only).
 *
 * @example
 * ```ts
 * bundledDataset().instruments.map((i) => i.id) // ['untoc', 'som-protocol', …]
 * ```
 */
export function bundledDataset(): Dataset {
  return (cached ??= JSON.parse(json) as Dataset);
}
