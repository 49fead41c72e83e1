/** Options of `nx g ./tools/dex-plugin:dex-family` (mirrors schema.json). */
export interface DexFamilyGeneratorSchema {
  readonly name: string;
  readonly event: string;
  readonly directory?: string;
}
