// The `svm/layers` ESLint rule: inside a package's src folder, imports go down the layers only,
// features never import each other, and production code never imports test infrastructure.
// Relative specifiers are resolved to files; package imports are left to no-restricted-imports.
import path from 'node:path';

/**
 * Options: `root` (the src folder, relative to the repo), `layers` (lowest first; each entry
 * a folder name directly under root, `*` standing for files and folders not named elsewhere),
 * `features` (the folder whose subfolders must not import each other) and `testing` (folders
 * only tests may import). A file's layer is that of its first path segment under root.
 */
const schema = [
  {
    type: 'object',
    properties: {
      root: { type: 'string' },
      layers: { type: 'array', items: { type: 'string' } },
      features: { type: 'string' },
      testing: { type: 'array', items: { type: 'string' } },
    },
    required: ['root', 'layers'],
    additionalProperties: false,
  },
];

const isTestFile = (file) => /\.test\.tsx?$/.test(file);

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports go down the layers of a package; features do not import each other' },
    schema,
    messages: {
      upward: '{{from}} is in layer "{{fromLayer}}" and may not import {{to}} from the higher layer "{{toLayer}}"',
      sideways:
        'feature "{{fromFeature}}" may not import feature "{{toFeature}}" ({{to}}): move the shared piece down a layer',
      testing: 'production code may not import test infrastructure ({{to}})',
    },
  },
  create(context) {
    const options = context.options[0];
    const rootDir = path.resolve(context.cwd, options.root); // absolute roots are kept as they are
    const fromFile = context.filename;
    if (!fromFile.startsWith(rootDir + path.sep)) return {};
    const testing = options.testing ?? [];

    const place = (file) => {
      const parts = path.relative(rootDir, file).split(path.sep);
      const first = parts.length > 1 ? parts[0] : '';
      const named = options.layers.indexOf(first);
      const layer = named >= 0 ? named : options.layers.indexOf('*');
      const feature = first === options.features && parts.length > 2 ? parts[1] : null;
      return { layer, layerName: named >= 0 ? first : '*', feature, testing: testing.includes(first) };
    };
    const from = place(fromFile);
    // tests and test infrastructure consume everything; nothing is checked for them
    if (from.testing || isTestFile(fromFile)) return {};
    const rel = (file) => path.relative(rootDir, file);

    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = path.resolve(path.dirname(fromFile), specifier);
      if (!target.startsWith(rootDir + path.sep)) return;
      const to = place(target);
      const data = { from: rel(fromFile), to: rel(target), fromLayer: from.layerName, toLayer: to.layerName };
      if (to.testing) context.report({ node, messageId: 'testing', data });
      else if (to.layer > from.layer) context.report({ node, messageId: 'upward', data });
      else if (from.feature && to.feature && from.feature !== to.feature) {
        context.report({
          node,
          messageId: 'sideways',
          data: { ...data, fromFeature: from.feature, toFeature: to.feature },
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export const layersPlugin = { meta: { name: 'svm' }, rules: { layers: layersRule } };
