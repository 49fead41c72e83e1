const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

/**
 * The webpack config every service shares: bundles the app with its workspace libs into dist/apps/<name>;
 * npm dependencies stay external and are listed in the generated package.json for the image.
 */
module.exports = function nodeAppConfig(appDir, name) {
  return {
    output: { path: join(appDir, '../../dist/apps', name), clean: true },
    devtool: 'source-map',
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        sourceMap: true,
      }),
    ],
  };
};
