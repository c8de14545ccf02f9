// Writes the composition corpus's expectations with Apollo's reference composition.
// Usage: node tests/tools/composition/compose-corpus.mjs [CORPUS_DIR]
//        (default tests/ChildInfo.Composition.Tests/Corpus)
// For every CORPUS_DIR/<case>/subgraphs/<name>.graphql set (each subgraph at http://<name>.test/graphql), writes
// <case>/expected.supergraph.graphql when Apollo composes it, or <case>/expected.errors.txt (one "CODE: message"
// line per error, sorted) when Apollo rejects it, and removes the other file. The C# corpus test reads both.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";

const here = dirname(fileURLToPath(import.meta.url));
const root = process.argv[2] ?? join(here, "../../ChildInfo.Composition.Tests/Corpus");
let composed = 0, rejected = 0;
for (const name of readdirSync(root).sort()) {
  const subgraphDir = join(root, name, "subgraphs");
  if (!existsSync(subgraphDir)) continue;
  const supergraphFile = join(root, name, "expected.supergraph.graphql");
  const errorsFile = join(root, name, "expected.errors.txt");
  let services;
  let errors;
  try {
    services = readdirSync(subgraphDir).filter(f => f.endsWith(".graphql")).sort().map(file => {
      const graph = file.replace(/\.graphql$/, "");
      return { name: graph, url: `http://${graph}.test/graphql`, typeDefs: parse(readFileSync(join(subgraphDir, file), "utf8")) };
    });
  } catch (e) {
    errors = [`INVALID_GRAPHQL: ${e.message}`];
  }
  let sdl = null;
  if (!errors) {
    const result = composeServices(services);
    if (result.errors) {
      errors = result.errors.map(e => `${e.extensions?.code ?? "ERROR"}: ${e.message.replace(/\s*\n\s*/g, " ")}`);
    } else {
      sdl = result.supergraphSdl;
    }
  }
  if (errors) {
    writeFileSync(errorsFile, [...new Set(errors)].sort().join("\n") + "\n");
    rmSync(supergraphFile, { force: true });
    rejected++;
  } else {
    writeFileSync(supergraphFile, sdl + "\n");
    rmSync(errorsFile, { force: true });
    composed++;
  }
}
console.log(`${composed} composed, ${rejected} rejected`);
