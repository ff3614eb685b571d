/** Three layers, told apart by location: unit specs beside the code, medium and e2e under test/. */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  transform: {
    '^.+\\.ts$': 'ts-jest',
    // ESM-only packages (NestJS 12, @marcbachmann/cel-js) become CommonJS for Jest's loader
    '^.+/node_modules/(@nestjs|@marcbachmann/cel-js)/.+\\.js$': [
      'babel-jest',
      { configFile: require.resolve('./babel.nest-esm.config.js') },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@marcbachmann/cel-js)/)'],
};

module.exports = {
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/test/factories/**/*.spec.ts',
      ],
    },
    { ...common, displayName: 'medium', testMatch: ['<rootDir>/test/medium/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'] },
  ],
};
