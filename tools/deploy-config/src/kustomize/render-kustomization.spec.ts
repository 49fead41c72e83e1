import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { renderKustomization, strategicMerge } from './render-kustomization';

describe('strategicMerge', () => {
  it('merges maps, deletes keys set to null, joins containers and env by name and replaces other lists', () => {
    const base = {
      data: { A: '1', B: '2' },
      spec: { rules: [{ host: 'a' }], containers: [{ name: 'app', image: 'x:1', env: [{ name: 'X', value: '1' }] }] },
    };
    const patch = { data: { B: null, C: '3' }, spec: { rules: [{ host: 'b' }], containers: [{ name: 'app', env: [{ name: 'Y', value: '2' }] }] } };
    expect(strategicMerge(base, patch)).toEqual({
      data: { A: '1', C: '3' },
      spec: {
        rules: [{ host: 'b' }],
        containers: [
          {
            name: 'app',
            image: 'x:1',
            env: [
              { name: 'X', value: '1' },
              { name: 'Y', value: '2' },
            ],
          },
        ],
      },
    });
  });
});

describe('renderKustomization', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kustomize-'));
  mkdirSync(path.join(dir, 'base'));
  mkdirSync(path.join(dir, 'overlay'));
  writeFileSync(
    path.join(dir, 'base/app.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  A: "1"\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: example/app:1.0.0\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: tmpl\n',
  );
  writeFileSync(path.join(dir, 'base/kustomization.yaml'), 'resources:\n  - app.yaml\n');
  writeFileSync(path.join(dir, 'overlay/extra.json'), '{"a":1}');

  it('renders resources, namespace, patches, deletions, images and generated ConfigMaps', () => {
    writeFileSync(
      path.join(dir, 'overlay/kustomization.yaml'),
      [
        'namespace: ns',
        'resources:\n  - ../base',
        'images:\n  - name: example/app\n    newTag: 2.0.0',
        'patches:\n  - patch: |-\n      apiVersion: v1\n      kind: ConfigMap\n      metadata:\n        name: cfg\n      data:\n        B: "2"',
        '  - patch: |-\n      $patch: delete\n      apiVersion: v1\n      kind: Secret\n      metadata:\n        name: tmpl',
        'configMapGenerator:\n  - name: files\n    files:\n      - extra.json\n    options:\n      disableNameSuffixHash: true\n      labels:\n        x: "y"',
      ].join('\n'),
    );
    const objects = renderKustomization(path.join(dir, 'overlay'));
    expect(objects.map((o) => `${String(o['kind'])} ${JSON.stringify(o['metadata'])}`)).toEqual([
      'ConfigMap {"name":"cfg","namespace":"ns"}',
      'Deployment {"name":"app","namespace":"ns"}',
      'ConfigMap {"name":"files","labels":{"x":"y"},"namespace":"ns"}',
    ]);
    expect(objects[0]?.['data']).toEqual({ A: '1', B: '2' });
    expect(JSON.stringify(objects[1])).toContain('"image":"example/app:2.0.0"');
    expect(objects[2]?.['data']).toEqual({ 'extra.json': '{"a":1}' });
  });

  it('refuses what it does not render the way kustomize would', () => {
    writeFileSync(path.join(dir, 'overlay/kustomization.yaml'), 'resources:\n  - ../base\ncommonLabels:\n  a: b\n');
    expect(() => renderKustomization(path.join(dir, 'overlay'))).toThrow('unsupported kustomization fields commonLabels');
    writeFileSync(path.join(dir, 'overlay/kustomization.yaml'), 'resources:\n  - ../base\npatches:\n  - path: p.yaml\n');
    expect(() => renderKustomization(path.join(dir, 'overlay'))).toThrow('only inline strategic-merge patches');
    writeFileSync(path.join(dir, 'overlay/kustomization.yaml'), 'resources:\n  - ../base\npatches:\n  - patch: |-\n      kind: ConfigMap\n      metadata:\n        name: nope\n');
    expect(() => renderKustomization(path.join(dir, 'overlay'))).toThrow('targets ConfigMap nope, found 0');
  });
});
