// Composes every conformance feature's subgraphs (Conformance/<feature>/subgraphs/*.graphql) into
// Conformance/<feature>/supergraph.graphql with Apollo's composition library.
// Usage: cd tests/ChildInfo.Federation.Tests/tools && npm install && node compose.mjs
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'Conformance');
let failed = false;
for (const feature of readdirSync(root).sort()) {
  const subgraphDir = join(root, feature, 'subgraphs');
  if (!existsSync(subgraphDir)) continue;
  const services = readdirSync(subgraphDir).filter(f => f.endsWith('.graphql')).sort().map(file => {
    const name = file.replace(/\.graphql$/, '');
    return { name, url: `http://${name}.test/graphql`, typeDefs: parse(readFileSync(join(subgraphDir, file), 'utf8')) };
  });
  const result = composeServices(services);
  if (result.errors) {
    failed = true;
    console.error(`${feature}:\n  ` + result.errors.map(e => e.message).join('\n  '));
    continue;
  }
  writeFileSync(join(root, feature, 'supergraph.graphql'), result.supergraphSdl + '\n');
  console.log(`${feature}: composed ${services.length} subgraphs`);
}
process.exit(failed ? 1 : 0);
