import { draftsOf, recordedReceipt } from '../spec-support/recorded-receipt';
import { feesBesideRouteAdjuster } from './fees-beside-route.adjuster';

const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';

describe('fees-beside-route adjuster', () => {
  // A Universal Router swap ETH → USDC in a V4 pool; rotki books a 2.325394 USDC interface fee out of 930.157818.
  const V4 = recordedReceipt('uniswap-v4', 'ethereum-0x4a3d3205.json');

  it('adds the router’s cut the receipt shows going to a bystander, keeping the pool’s amount', () => {
    const { drafts, evidence } = draftsOf(V4);
    const [adjusted] = feesBesideRouteAdjuster.adjust(drafts, evidence);
    expect(adjusted).toMatchObject({ tokenOut: USDC, received: 930_157_818n, fees: [{ kind: 'other', token: USDC, amount: 2_325_394n }] });
    expect(drafts[0]?.fees).toEqual([]);
  });

  it('adds nothing to a trade that is not the user’s only one (two trades’ flows would mix)', () => {
    const { drafts, evidence } = draftsOf(V4);
    const shared = drafts.map((d) => ({ ...d, alone: false }));
    expect(feesBesideRouteAdjuster.adjust(shared, evidence)[0]?.fees).toEqual([]);
  });
});
