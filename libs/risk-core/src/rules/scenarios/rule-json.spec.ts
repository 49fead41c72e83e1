import { RuleSetError, parseRules } from '../rule-definition';

describe('rule JSON validation', () => {
  it('names every offending field with its reason', () => {
    try {
      parseRules([
        { id: 'ok', kind: 'MaxExposure', threshold: '1000', severity: 'critical', scope: { type: 'global' } },
        { id: 'Bad Id', kind: 'Nope', threshold: '-5', severity: 'loud', scope: { type: 'user', userIds: [] }, extra: 1 },
        { id: 'stress', kind: 'StressLossLimit', threshold: '10', severity: 'info', scope: { type: 'global' } },
        { id: 'ok', kind: 'ConcentrationLimit', threshold: '1.5', severity: 'info', scope: { type: 'global' }, lookbackMs: 60000 },
      ]);
      throw new Error('expected a RuleSetError');
    } catch (error) {
      expect(error).toBeInstanceOf(RuleSetError);
      const byField = Object.fromEntries((error as RuleSetError).errors.map((e) => [e.field, e.reason]));
      expect(byField).toMatchObject({
        'rules[1].id': 'must be a lower-case id of letters, digits, ".", "_" or "-"',
        'rules[1].kind': expect.stringContaining('must be one of MaxExposure'),
        'rules[1].threshold': 'must be a positive decimal string such as "100000" or "0.25"',
        'rules[1].severity': 'must be info, warning or critical',
        'rules[1].scope.userIds': 'must name at least one user',
        'rules[1]': 'unknown field(s): extra',
        'rules[2].params.scenarioId': 'is required for StressLossLimit',
        'rules[3].lookbackMs': 'is supported by DrawdownLimit only (other kinds use the service windows)',
        'rules[3].threshold': 'must be a fraction ≤ 1 for ConcentrationLimit',
        'rules[3].id': 'duplicates rule id "ok"',
      });
    }
  });

  it('fills the documented defaults', () => {
    const [r] = parseRules([{ id: 'x', kind: 'MaxExposure', threshold: '100', severity: 'warning', scope: { type: 'global' } }]);
    expect(r).toMatchObject({ cooldownMs: 60_000, warningLevel: 0.8, hysteresis: 0.05, reset: 'auto', action: 'REDUCING' });
    expect(r?.warningAt?.toString()).toBe('80');
  });
});
