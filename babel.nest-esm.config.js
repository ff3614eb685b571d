/**
 * NestJS 12 ships as ESM only. Node 20.19+ loads it from our CommonJS build through require(esm),
 * but Jest's module loader cannot (before Node 24.9), so Jest turns those packages into CommonJS
 * with this config. It applies to node_modules/@nestjs only; our code goes through ts-jest.
 */

// `import.meta.url` → a file URL built from __filename. transform-import-meta would emit
// `require('url')…`, which breaks modules that declare their own `const require =
// createRequire(import.meta.url)` (@nestjs/swagger's swagger-ui): the local `require` is read
// before it is initialised.
function importMetaUrlToFileUrl({ types: t }) {
  return {
    visitor: {
      // On Program enter, like transform-import-meta, so this runs before it.
      Program(program) {
        program.traverse({
          MemberExpression(path) {
            const { object, property } = path.node;
            if (
              t.isMetaProperty(object) &&
              object.meta.name === 'import' &&
              object.property.name === 'meta' &&
              t.isIdentifier(property, { name: 'url' })
            ) {
              path.replaceWith(
                t.binaryExpression('+', t.stringLiteral('file://'), t.identifier('__filename')),
              );
            }
          },
        });
      },
    },
  };
}

module.exports = {
  babelrc: false,
  plugins: [
    // The options object is part of babel-jest's cache key; a function body is not. Bump
    // `revision` whenever the plugin above changes, or Jest keeps the old transform.
    [importMetaUrlToFileUrl, { revision: 1 }],
    'babel-plugin-transform-import-meta',
    '@babel/plugin-transform-modules-commonjs',
  ],
};
