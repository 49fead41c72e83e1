const { join, resolve } = require('node:path');
const { TsconfigPathsPlugin } = require('tsconfig-paths-webpack-plugin');
const { PackageJsonPlugin } = require('./package-json.webpack-plugin.cjs');

/**
 * The webpack config every service shares: bundles the app with its workspace libs into dist/apps/<name>;
 * npm dependencies stay external and are listed in the generated package.json (and its pruned lockfile) for
 * the image. `additionalEntryPoints` ([{ entryName, entryPath }], paths from the workspace root) emit further
 * scripts next to main.js, e.g. a worker-thread entry the service starts from its own directory.
 *
 * Plain webpack + ts-loader rather than @nx/webpack: that package hard-depends on sass-embedded, whose
 * per-platform binaries kept `npm ci` from accepting the lockfile, and nothing here has a stylesheet.
 * Type errors are the `typecheck` target's job, so the loader only transpiles.
 */
module.exports = function nodeAppConfig(appDir, name, { additionalEntryPoints = [] } = {}) {
  const root = resolve(appDir, '../..');
  const tsConfig = join(appDir, 'tsconfig.app.json');
  const entry = { main: join(appDir, 'src/main.ts') };
  for (const { entryName, entryPath } of additionalEntryPoints) entry[entryName] = join(root, entryPath);
  return {
    context: appDir,
    target: 'node',
    // 'none': no DefinePlugin baking NODE_ENV in, no minification — the service reads its env at run time.
    mode: 'none',
    node: false,
    entry,
    devtool: 'source-map',
    output: {
      path: join(root, 'dist/apps', name),
      filename: '[name].js',
      library: { type: 'commonjs' },
      hashFunction: 'xxhash64',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js', '.json'],
      plugins: [new TsconfigPathsPlugin({ configFile: tsConfig, extensions: ['.ts', '.js'] })],
    },
    externalsPresets: { node: true },
    externals: [externalPackage],
    module: {
      rules: [{ test: /\.ts$/, loader: require.resolve('ts-loader'), exclude: /node_modules/, options: { configFile: tsConfig, transpileOnly: true } }],
    },
    optimization: { minimize: false, concatenateModules: true, sideEffects: true },
    performance: { hints: false },
    stats: 'errors-warnings',
    plugins: [new PackageJsonPlugin({ root, projectName: name })],
  };
};

/** npm packages are required at run time from the image's node_modules; workspace libs (`@hyperdex/…`) are bundled. */
function externalPackage({ request }, callback) {
  const bare = request && !request.startsWith('.') && !request.startsWith('/') && !request.startsWith('@hyperdex/');
  if (bare) return callback(null, `commonjs ${request}`);
  return callback();
}
