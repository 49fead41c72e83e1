const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

/**
 * The webpack config every service shares: bundles the app with its workspace libs into dist/apps/<name>;
 * npm dependencies stay external and are listed in the generated package.json for the image.
 * `additionalEntryPoints` ([{ entryName, entryPath }], paths from the workspace root) emit further scripts next to
 * main.js, e.g. a worker-thread entry the service starts from its own directory.
 */
module.exports = function nodeAppConfig(appDir, name, { additionalEntryPoints = [] } = {}) {
  return {
    output: { path: join(appDir, '../../dist/apps', name), clean: true },
    devtool: 'source-map',
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        additionalEntryPoints,
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        sourceMap: true,
      }),
    ],
  };
};
