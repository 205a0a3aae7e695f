// ESLint's flat config lives in tools/lint (with the plugins and the TypeScript version they need).
export { default } from './tools/lint/eslint.config.js';
