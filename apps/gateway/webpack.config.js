module.exports = require('../../tools/build/node-app.webpack.cjs')(__dirname, 'gateway');
