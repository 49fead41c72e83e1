// Lets tool scripts load the workspace's TypeScript libs directly (transpile only; `npm run typecheck` checks types).
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tools/tsconfig.tools.json') });
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
