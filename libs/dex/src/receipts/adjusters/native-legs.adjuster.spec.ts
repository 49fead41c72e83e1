import { draftsOf, recordedReceipt } from '../spec-support/recorded-receipt';
import { nativeLegsAdjuster } from './native-legs.adjuster';

const NATIVE = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';

describe('native-legs adjuster', () => {
  // rotki test_uniswap_v2_swap: the user sent 0.15 ETH; the router wrapped exactly that (a WETH Deposit).
  const V2_ROUTE = recordedReceipt('uniswap-v2', 'ethereum-0x67cf6c4c.json');

  it('books the ETH the router wrapped for the sender, not the WETH the first hop was paid in', () => {
    const { drafts, evidence } = draftsOf(V2_ROUTE);
    expect(drafts[0]).toMatchObject({ tokenIn: WETH, paid: 150_000_000_000_000_000n });
    const [adjusted] = nativeLegsAdjuster.adjust(drafts, evidence);
    expect(adjusted).toMatchObject({ tokenIn: NATIVE, paid: 150_000_000_000_000_000n, fees: [] });
    expect(drafts[0]?.tokenIn).toBe(WETH);
  });

  it('leaves the WETH leg of someone who is not the sender (no native coin moved with them)', () => {
    const { drafts, evidence } = draftsOf({ ...V2_ROUTE, from: '0x00000000000000000000000000000000000000f1' });
    const someoneElse = { ...evidence, receipt: { ...evidence.receipt, from: '0x00000000000000000000000000000000000000f2' as const } };
    expect(nativeLegsAdjuster.adjust(drafts, someoneElse)[0]?.tokenIn).toBe(WETH);
  });
});
