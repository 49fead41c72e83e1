const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

/**
 * Gives every project with a webpack.config.js beside its project.json a cached `build` target
 * (`webpack-cli build` in the project's folder, output in dist/<projectRoot>), so a new app needs only its
 * config file. Replaces @nx/webpack/plugin, which came with sass (see node-app.webpack.cjs).
 */
const buildTarget = (projectRoot) => ({
  command: 'webpack-cli build --node-env=production',
  options: { cwd: projectRoot },
  cache: true,
  dependsOn: ['^build'],
  outputs: [`{workspaceRoot}/dist/${projectRoot}`],
  metadata: { technologies: ['webpack'], description: 'Bundles the service with webpack (tools/build/node-app.webpack.cjs)' },
});

exports.createNodesV2 = [
  '**/webpack.config.js',
  (configFiles, _options, context) =>
    configFiles
      .map((file) => dirname(file))
      .filter((projectRoot) => existsSync(join(context.workspaceRoot, projectRoot, 'project.json')))
      .map((projectRoot) => [join(projectRoot, 'webpack.config.js'), { projects: { [projectRoot]: { targets: { build: buildTarget(projectRoot) } } } }]),
];
