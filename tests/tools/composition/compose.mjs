// Composes subgraph SDLs into an Apollo Federation 2 supergraph with Apollo's reference composition.
// Usage: node compose.mjs name=path/to/schema.graphql=http://url ... [--out supergraph.graphql]
// Prints the supergraph SDL, or the composition errors (one per line) and exits 1.
import { readFileSync, writeFileSync } from "node:fs";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";

const args = process.argv.slice(2);
let out = null;
const services = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--out") { out = args[++i]; continue; }
  const [name, file, url] = args[i].split("=");
  services.push({ name, url: url ?? `http://127.0.0.1/${name}`, typeDefs: parse(readFileSync(file, "utf8")) });
}
const result = composeServices(services);
if (result.errors) {
  for (const e of result.errors) console.error(`${e.extensions?.code ?? "ERROR"}: ${e.message}`);
  process.exit(1);
}
if (out) writeFileSync(out, result.supergraphSdl); else process.stdout.write(result.supergraphSdl);
