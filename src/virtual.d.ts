/** The curated dataset, validated and compiled at build time (see `src/build/data-plugin.ts`): a JSON string. */
declare module 'virtual:untoc-kg/dataset' {
  const json: string;
  export default json;
}
