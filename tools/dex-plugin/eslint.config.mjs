import baseConfig from '../../eslint.config.mjs';

// Template files (files/**) are EJS, not TypeScript: they are checked once generated (see the generator spec).
export default [...baseConfig, { ignores: ['**/files/**'] }];
