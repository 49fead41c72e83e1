import { TRADE_ADJUSTERS } from './trade-adjusters';

describe('the adjuster registry', () => {
  it('completes from the wallet, reads native legs, checks every side against the wallet, then fees and gas', () => {
    expect(TRADE_ADJUSTERS.map((a) => a.name)).toEqual(['wallet-completion', 'native-legs', 'wallet-agreement', 'fees-beside-route', 'gas']);
  });
});
