// Loads the workspace's TypeScript for `npm start` like tools/db/register-ts.cjs (transpile only, path aliases),
// but keeps each transpiled file in node_modules/.cache, keyed by its text and the compiler settings, so a
// restart compiles only what changed. Types are checked by `npm run typecheck`, not here.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '../..');
const { compilerOptions: raw } = require(path.join(root, 'tsconfig.base.json'));
const { options } = ts.convertCompilerOptionsFromJson(
  { ...raw, module: 'commonjs', target: 'es2022', inlineSourceMap: true, inlineSources: false, declaration: false, noEmit: false },
  root,
);
const cacheDir = path.join(root, 'node_modules', '.cache', 'hyperdex-ts');
const salt = `${ts.version}\0${JSON.stringify(options)}`;
fs.mkdirSync(cacheDir, { recursive: true });

function transpile(filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha1').update(salt).update('\0').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: filename });
    // Written under a temporary name and renamed, so a concurrent start never reads half a file.
    const temporary = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, outputText);
    fs.renameSync(temporary, cached);
    return outputText;
  }
}

require.extensions['.ts'] = (module, filename) => module._compile(transpile(filename), filename);
require('tsconfig-paths').register({ baseUrl: root, paths: raw.paths });
