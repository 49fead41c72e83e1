import baseConfig, { pureLibRules } from '../../eslint.config.mjs';

// Pure lib: no framework, no I/O (see pureLibRules).
export default [...baseConfig, pureLibRules];
