// ESLint (flat config): typescript-eslint recommended with type information, plus the import boundaries of
// docs/style.md — domain imports nothing internal and nothing Node-only; web never imports server; features never
// import each other.
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))];
const escape = (m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// A regex, not a gitignore-style group: a bare group name such as `path` or `domain` would match that segment anywhere.
const nodeOnly = {
  regex: `^(node:.*|(${nodeBuiltins.map(escape).join('|')})(/.*)?)$`,
  message: 'packages/domain is browser-safe: no Node built-ins (only *.test.ts may use them).',
};
const domainInternal = {
  group: ['@zhengji/*', '!@zhengji/domain', '!@zhengji/domain/*', '**/apps/**', '**/e2e/**', '**/bench/**'],
  message: 'packages/domain imports nothing internal (no apps, e2e or bench).',
};

const webServerMessage = 'apps/web never imports the server or its database libraries; share code through @zhengji/domain.';
const webServerPackages = ['@zhengji/server', 'drizzle-orm', 'pg', '@electric-sql/pglite'];
const webServerPaths = webServerPackages.map((name) => ({ name, message: webServerMessage }));
const webServerPatterns = [
  { regex: `^(${webServerPackages.map(escape).join('|')})/`, message: webServerMessage },
  { regex: '^(\\.\\./)+(apps/)?server(/|$)', message: webServerMessage },
  { group: ['**/apps/server', '**/apps/server/**'], message: webServerMessage },
];

// One block per web feature: a relative import that climbs out of the feature into another feature's folder
// (`../other/…`, `../../other/…`, `../../features/other/…`) is refused; its own folder and lib/, components/, app/ are not.
const featuresDir = new URL('./apps/web/src/features/', import.meta.url);
const features = readdirSync(featuresDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const featureBlocks = features.map((feature) => ({
  files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: webServerPaths,
        patterns: [
          ...webServerPatterns,
          {
            regex: `^(\\.\\./)+(features/)?(?!${feature}/)(${features.join('|')})(/|$)`,
            message: 'Features never import each other; move shared code to components/, lib/ or @zhengji/domain.',
          },
        ],
      },
    ],
  },
}));

export default defineConfig(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'apps/server/drizzle/**',
      'e2e/artifacts/**',
      'bench/results/**',
      '**/data/**',
      '**/test-results/**',
      '**/coverage/**',
      '**/scratch/**',
      '**/*.scratch.*',
      '**/tmp/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A deliberate `default:` (e.g. over zod's open issue codes) counts; a switch without one must list every case.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      // `{ id: _id, ...rest }` omits a field on purpose: `_`-prefixed names are intentionally unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeOnly, domainInternal] }] },
  },
  {
    files: ['packages/domain/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [domainInternal] }] },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: webServerPaths, patterns: webServerPatterns }] },
  },
  ...featureBlocks,
);
