import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { dexFamilyGenerator, templateVars } from './generator';

const EVENT = 'Swap(address indexed sender, address indexed to, uint256 amountIn, uint256 amountOut, bool zeroForOne)';
const FAMILY_IDS = "export const DexFamilies = [\n  'uniswap-v2',\n  'curve',\n] as const;\n";
const GENERIC_IDS = "export const GENERIC_DEX_IDS: Readonly<Record<DexFamilyId, string>> = {\n  'uniswap-v2': 'uniswap-v2',\n  curve: 'curve',\n};\n";

const read = (tree: Tree, path: string): string => {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} was not generated`);
  return text;
};

describe('dex-family generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('libs/dex/src/core/family-id.ts', FAMILY_IDS);
    tree.write('libs/dex/src/registry/dex-definitions.ts', GENERIC_IDS);
  });

  it('computes the topic0 with viem from the signature (leading "event " optional)', () => {
    const vars = templateVars({ name: 'fancy-amm', event: EVENT });
    expect(vars).toMatchObject({ familyId: 'fancy-amm', decoderName: 'fancyAmmDecoder', constantName: 'FANCY_AMM', eventName: 'Swap' });
    expect(vars.topic0).toMatch(/^0x[0-9a-f]{64}$/);
    expect(templateVars({ name: 'fancy-amm', event: `event ${EVENT};` }).topic0).toBe(vars.topic0);
    // A known one: the Uniswap V2 Swap topic0 of the reference catalogue.
    expect(
      templateVars({
        name: 'v2-like',
        event: 'Swap(address indexed sender, uint256 amount0In, uint256 amount1In, uint256 amount0Out, uint256 amount1Out, address indexed to)',
      }).topic0,
    ).toBe('0xd78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822');
  });

  it('writes the decoder, the fixture-driven spec, the fixtures README and the registry hint', async () => {
    await dexFamilyGenerator(tree, { name: 'fancy-amm', event: EVENT });
    const dir = 'libs/dex/src/families/fancy-amm';
    expect(tree.children(dir).sort()).toEqual(['REGISTER.md', 'fancy-amm-decoder.spec.ts', 'fancy-amm-decoder.ts', 'fixtures']);
    expect(tree.children(`${dir}/fixtures`)).toEqual(['README.md']);

    const decoder = read(tree, `${dir}/fancy-amm-decoder.ts`);
    expect(decoder).toContain(`export const FANCY_AMM_EVENT = parseAbiItem('event ${EVENT}');`);
    expect(decoder).toContain('export const FANCY_AMM_TOPIC0: Hex = toEventSelector(FANCY_AMM_EVENT);');
    expect(decoder).toContain("family: 'fancy-amm',");
    expect(decoder).toContain('export const fancyAmmDecoder: SwapDecoder');
    expect(decoder).not.toMatch(/<%|%>/);

    const spec = read(tree, `${dir}/fancy-amm-decoder.spec.ts`);
    const { topic0 } = templateVars({ name: 'fancy-amm', event: EVENT });
    expect(spec).toContain(`expect(FANCY_AMM_TOPIC0).toBe('${topic0}');`);
    // The spec demands real fixtures: it reads fixtures/*.json and throws while fewer than two are there.
    expect(spec).toContain("readdirSync(FIXTURES_DIR)");
    expect(spec).toContain('const MIN_FIXTURES = 2;');
    expect(spec).toMatch(/if \(fixtures\.length < MIN_FIXTURES\) \{\s+throw new Error/);
    expect(spec).not.toMatch(/\.skip|\.todo|xit\(/);

    expect(read(tree, `${dir}/fixtures/README.md`)).toContain(`topic0 \`${topic0}\``);
    expect(read(tree, `${dir}/REGISTER.md`)).toContain("import { fancyAmmDecoder } from '../families/fancy-amm/fancy-amm-decoder';");
  });

  it('adds the family id to DexFamilies and GENERIC_DEX_IDS once', async () => {
    await dexFamilyGenerator(tree, { name: 'fancy-amm', event: EVENT });
    expect(read(tree, 'libs/dex/src/core/family-id.ts')).toBe("export const DexFamilies = [\n  'uniswap-v2',\n  'curve',\n  'fancy-amm',\n] as const;\n");
    expect(read(tree, 'libs/dex/src/registry/dex-definitions.ts')).toContain("  curve: 'curve',\n  'fancy-amm': 'fancy-amm',\n};");
  });

  it('leaves an already known family id alone', async () => {
    await dexFamilyGenerator(tree, { name: 'curve', event: EVENT });
    expect(read(tree, 'libs/dex/src/core/family-id.ts')).toBe(FAMILY_IDS);
    expect(read(tree, 'libs/dex/src/registry/dex-definitions.ts')).toBe(GENERIC_IDS);
  });

  it('refuses a bad name, an unparsable event and an existing family folder', async () => {
    await expect(dexFamilyGenerator(tree, { name: 'FancyAmm', event: EVENT })).rejects.toThrow(/kebab-case/);
    await expect(dexFamilyGenerator(tree, { name: 'fancy-amm', event: 'function swap(uint256 a)' })).rejects.toThrow(/cannot parse event/);
    await expect(dexFamilyGenerator(tree, { name: 'fancy-amm', event: 'Swap(uint999 x)' })).rejects.toThrow(/cannot parse event/);
    await dexFamilyGenerator(tree, { name: 'fancy-amm', event: EVENT });
    await expect(dexFamilyGenerator(tree, { name: 'fancy-amm', event: EVENT })).rejects.toThrow(/already exists/);
  });
});
