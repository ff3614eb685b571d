// Lint is a gate (`npm run check`): type-checked rules, and the architecture's import boundaries.
import js from '@eslint/js';
import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';

const NO_FRAMEWORK_IN_PURE_LIBS = [
  {
    group: ['@nestjs/*', 'typeorm', 'kafkajs', 'better-sqlite3', 'pg'],
    message: 'policy and redaction are pure libs',
  },
  { group: ['node:fs', 'node:fs/*', 'fs', 'fs/*'], message: 'policy and redaction do no IO' },
];
const LIBS_THROUGH_BARRELS = [
  {
    group: ['**/libs/*/src/**', '../../libs/**', '@lib/*/src/**'],
    message: 'import libs through their @lib/<name> barrel',
  },
];
const NO_APP_FROM_LIB = [{ group: ['**/apps/**'], message: 'libs never import apps' }];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      '**/*.mjs',
      '**/*.js',
      '**/*.cjs',
      '**/*.cts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'inject a Clock',
        },
      ],
      eqeqeq: 'error',
      curly: 'error',
      'no-restricted-imports': ['error', { patterns: LIBS_THROUGH_BARRELS }],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...LIBS_THROUGH_BARRELS, ...NO_APP_FROM_LIB] },
      ],
    },
  },
  {
    files: ['libs/policy/**/*.ts', 'libs/redaction/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...LIBS_THROUGH_BARRELS, ...NO_APP_FROM_LIB, ...NO_FRAMEWORK_IN_PURE_LIBS] },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'pure libs take randomness as input' },
      ],
    },
  },
  {
    // Apps are composition roots and never import one another — except `standalone`, whose job
    // is to run the others in one process.
    files: ['apps/governor/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...LIBS_THROUGH_BARRELS,
            { group: ['**/standalone/**'], message: 'apps never import other apps' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/no-focused-tests': 'error',
      'jest/no-commented-out-tests': 'error',
      'jest/expect-expect': [
        'error',
        { assertFunctionNames: ['expect', 'verifyRun', 'fc.assert'] },
      ],
      'jest/no-standalone-expect': 'off',
      'jest/valid-title': ['error', { ignoreTypeOfDescribeName: true }],
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Tests and benchmarks measure wall time and implement kafkajs callbacks that must return
    // promises; the clock and async rules are for product code.
    files: ['test/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
);
