import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { riskConfigSchema } from './risk.config';
import { loadRiskPolicy } from './risk-policy';

const config = (env: Record<string, string> = {}) => riskConfigSchema.parse({ ...env });
const file = (content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'risk-policy-')), 'policy.json');
  writeFileSync(path, content);
  return path;
};

describe('loadRiskPolicy', () => {
  it('builds the default rules from the limits in the environment', () => {
    const policy = loadRiskPolicy(config({ RISK_MAX_EXPOSURE_USD: '250000' }));
    expect(policy.rules.map((r) => r.kind)).toEqual([
      'MaxExposure',
      'DailyLossLimit',
      'VarLimit',
      'DrawdownLimit',
      'ConsecutiveLosses',
      'StressLossLimit',
      'UnpricedExposure',
      'StalePrice',
    ]);
    expect(policy.rules[0]?.threshold.toString()).toBe('250000');
    expect(policy.scenarios.map((s) => s.id)).toEqual(['volatile-30', 'stablecoin-depeg-10', 'correlation-one-99']);
  });

  it('reads a rules file and names the bad field of a broken one', () => {
    const good = file(JSON.stringify([{ id: 'conc', kind: 'ConcentrationLimit', threshold: '0.5', severity: 'warning', scope: { type: 'global' } }]));
    expect(loadRiskPolicy(config({ RISK_RULES_FILE: good })).rules.map((r) => r.id)).toEqual(['conc']);
    const bad = file(JSON.stringify([{ id: 'conc', kind: 'ConcentrationLimit', threshold: 'lots', severity: 'warning', scope: { type: 'global' } }]));
    expect(() => loadRiskPolicy(config({ RISK_RULES_FILE: bad }))).toThrow(
      `RISK_RULES_FILE ${bad}: invalid rules: rules[0].threshold: must be a positive decimal string such as "100000" or "0.25"`,
    );
    expect(() => loadRiskPolicy(config({ RISK_RULES_FILE: file('not json') }))).toThrow('RISK_RULES_FILE');
  });

  it('reads a stress scenario file and names the bad scenario', () => {
    const bad = file(JSON.stringify([{ kind: 'volatile-shock', shockPct: -20 }, { kind: 'meteor' }]));
    expect(() => loadRiskPolicy(config({ RISK_STRESS_SCENARIOS_FILE: bad }))).toThrow('scenarios[1].kind');
  });
});
