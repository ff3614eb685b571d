/**
 * NestJS 12 ships as ESM only. Node 20.19+ loads it from our CommonJS build through require(esm),
 * but Jest's module loader cannot (before Node 24.9), so Jest turns those packages into CommonJS
 * with this config. It applies to node_modules/@nestjs only; our code goes through ts-jest.
 */
module.exports = {
  babelrc: false,
  plugins: ['babel-plugin-transform-import-meta', '@babel/plugin-transform-modules-commonjs'],
};
