import { formatFiles, generateFiles, joinPathFragments, logger, names, type Tree } from '@nx/devkit';
import { parseAbiItem, toEventSelector, type AbiEvent } from 'viem';
import type { DexFamilyGeneratorSchema } from './schema';

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const FAMILY_IDS_FILE = 'libs/dex/src/core/family-id.ts';
const GENERIC_IDS_FILE = 'libs/dex/src/registry/dex-definitions.ts';
const DECODERS_FILE = 'libs/dex/src/registry/decoders.ts';

/** What the templates need, computed once from the options. */
export interface DexFamilyTemplateVars {
  readonly familyId: string;
  readonly fileName: string;
  readonly title: string;
  readonly decoderName: string;
  readonly constantName: string;
  readonly signature: string;
  readonly eventName: string;
  readonly topic0: string;
}

/** Parses the event with viem (the same parser the generated decoder uses), so a bad signature fails here, not later. */
export const templateVars = (options: DexFamilyGeneratorSchema): DexFamilyTemplateVars => {
  if (!KEBAB.test(options.name)) throw new Error(`dex-family: name "${options.name}" must be kebab-case, e.g. maverick-v2`);
  const trimmed = options.event.trim().replace(/;$/, '');
  const signature = trimmed.startsWith('event ') ? trimmed : `event ${trimmed}`;
  if (signature.includes("'")) throw new Error('dex-family: the event signature must not contain quotes');
  let event: AbiEvent;
  try {
    const item = parseAbiItem(signature) as unknown;
    if (!item || typeof item !== 'object' || (item as { type?: unknown }).type !== 'event') throw new Error('not an event');
    event = item as AbiEvent;
  } catch (error: unknown) {
    throw new Error(`dex-family: cannot parse event "${options.event}": ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const n = names(options.name);
  return {
    familyId: options.name,
    fileName: n.fileName,
    title: n.className,
    decoderName: `${n.propertyName}Decoder`,
    constantName: n.constantName,
    signature,
    eventName: event.name,
    topic0: toEventSelector(event),
  };
};

/** Appends `familyId` to the DexFamilies tuple (and its generic dex id) so the generated decoder typechecks. */
const addFamilyId = (tree: Tree, familyId: string): void => {
  const ids = tree.read(FAMILY_IDS_FILE, 'utf-8');
  if (ids === null || ids.includes(`'${familyId}'`)) return;
  const updated = ids.replace(/\n\] as const;/, `\n  '${familyId}',\n] as const;`);
  if (updated === ids) throw new Error(`dex-family: could not find the DexFamilies tuple in ${FAMILY_IDS_FILE}`);
  tree.write(FAMILY_IDS_FILE, updated);

  const generic = tree.read(GENERIC_IDS_FILE, 'utf-8');
  if (generic === null) return;
  const withId = generic.replace(
    /(export const GENERIC_DEX_IDS[^=]*= \{\n(?:.*\n)*?)(\};)/,
    (_match, body: string, close: string) => `${body}  '${familyId}': '${familyId}',\n${close}`,
  );
  if (withId === generic) throw new Error(`dex-family: could not find GENERIC_DEX_IDS in ${GENERIC_IDS_FILE}`);
  tree.write(GENERIC_IDS_FILE, withId);
};

/**
 * `nx g ./tools/dex-plugin:dex-family <name> --event="<signature>"`: writes `<directory>/<name>/` with a decoder whose
 * topic0 viem computes from the signature, a spec that fails until real recorded receipts are put in `fixtures/`, a
 * fixtures README, and the two lines that register the decoder (left to the developer, once the spec passes).
 */
export async function dexFamilyGenerator(tree: Tree, options: DexFamilyGeneratorSchema): Promise<void> {
  const vars = templateVars(options);
  const directory = options.directory ?? 'libs/dex/src/families';
  const target = joinPathFragments(directory, vars.fileName);
  const decoderFile = joinPathFragments(target, `${vars.fileName}-decoder.ts`);
  if (tree.exists(decoderFile)) throw new Error(`dex-family: ${decoderFile} already exists`);

  generateFiles(tree, joinPathFragments(__dirname, 'files'), directory, { ...vars, tmpl: '' });
  addFamilyId(tree, vars.familyId);
  await formatFiles(tree);

  const registered = tree.read(DECODERS_FILE, 'utf-8')?.includes(vars.decoderName) ?? false;
  logger.info(`dex-family: ${vars.familyId} (${vars.eventName}, topic0 ${vars.topic0}) written to ${target}`);
  if (!registered) {
    logger.info(
      `dex-family: once fixtures/ holds two real receipts and the spec passes, register it in ${DECODERS_FILE}:\n` +
        `  import { ${vars.decoderName} } from '../families/${vars.fileName}/${vars.fileName}-decoder';\n` +
        `  and add ${vars.decoderName} to SWAP_DECODERS (see ${target}/REGISTER.md)`,
    );
  }
}

export default dexFamilyGenerator;
