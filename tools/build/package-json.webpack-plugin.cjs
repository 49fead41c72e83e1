const { readCachedProjectGraph } = require('@nx/devkit');
const { createLockFile, createPackageJson } = require('@nx/js');

/**
 * Emits package.json (the npm dependencies the project and its workspace libs import, at the versions of the
 * root lockfile) and package-lock.json pruned to them, so an image installs exactly what was tested with
 * `npm ci --omit=dev`. Built on Nx's project graph, which `nx build` has just computed.
 */
class PackageJsonPlugin {
  constructor({ root, projectName }) {
    this.root = root;
    this.projectName = projectName;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('PackageJsonPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PackageJsonPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const graph = readCachedProjectGraph();
        const packageJson = createPackageJson(this.projectName, graph, { target: 'build', root: this.root, isProduction: true });
        packageJson.main = 'main.js';
        compilation.emitAsset('package.json', new sources.RawSource(`${JSON.stringify(packageJson, null, 2)}\n`));
        compilation.emitAsset('package-lock.json', new sources.RawSource(createLockFile(packageJson, graph, 'npm')));
      });
    });
  }
}

module.exports = { PackageJsonPlugin };
