#!/usr/bin/env bash
# Writes the boilerplate every Nx project here shares (tsconfigs, jest, eslint), so projects never drift.
# usage: project-files.sh <lib|app|e2e> <name> <tags...>
set -euo pipefail
kind=$1; name=$2; shift 2
case "$kind" in lib) root="libs/$name"; ptype=library;; app|e2e) root="apps/$name"; ptype=application;; esac
mkdir -p "$root/src"
tags=$(printf '"%s",' "$@"); tags="[${tags%,}]"
cat > "$root/tsconfig.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "files": [],
  "include": [],
  "references": [{ "path": "./tsconfig.$([ "$kind" = lib ] && echo lib || echo app).json" }, { "path": "./tsconfig.spec.json" }]
}
JSON
cat > "$root/tsconfig.$([ "$kind" = lib ] && echo lib || echo app).json" <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "../../dist/out-tsc", "types": ["node"] },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts", "src/**/*.test.ts", "src/**/*.e2e.ts"]
}
JSON
cat > "$root/tsconfig.spec.json" <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "../../dist/out-tsc", "types": ["jest", "node"] },
  "include": ["src/**/*.ts", "jest.config.cjs"]
}
JSON
cat > "$root/eslint.config.mjs" <<'JS'
import baseConfig from '../../eslint.config.mjs';

export default [...baseConfig];
JS
if [ "$kind" != e2e ]; then
cat > "$root/jest.config.cjs" <<JS
module.exports = {
  displayName: '$name',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/$root',
};
JS
fi
tsc_cfg="$root/tsconfig.$([ "$kind" = lib ] && echo lib || echo app).json"
if [ "$kind" = lib ]; then
cat > "$root/project.json" <<JSON
{
  "name": "$name",
  "\$schema": "../../node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$root/src",
  "projectType": "$ptype",
  "tags": $tags,
  "targets": {
    "typecheck": {
      "executor": "nx:run-commands",
      "options": { "command": "tsc -p $tsc_cfg --noEmit && tsc -p $root/tsconfig.spec.json --noEmit" }
    },
    "test": {
      "executor": "@nx/jest:jest",
      "outputs": ["{workspaceRoot}/coverage/{projectRoot}"],
      "options": { "jestConfig": "$root/jest.config.cjs" }
    }
  }
}
JSON
fi
