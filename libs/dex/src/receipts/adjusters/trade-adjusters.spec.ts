import { TRADE_ADJUSTERS } from './trade-adjusters';

describe('the adjuster registry', () => {
  it('runs the wallet’s flows first, native legs on the decided sides, fees beside the route, then gas', () => {
    expect(TRADE_ADJUSTERS.map((a) => a.name)).toEqual(['wallet-completion', 'native-legs', 'fees-beside-route', 'gas']);
  });
});
