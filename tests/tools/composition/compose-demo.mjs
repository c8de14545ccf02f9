// Composes the embedded demo's supergraph from the five sample subgraphs' SDL files with Apollo's composition.
// Usage: node compose-demo.mjs SDL_DIR [--out FILE]
// SDL_DIR holds <name>.graphql for each subgraph (as fetched from _service { sdl }). The supergraph names the
// demo's URLs, http://127.0.0.1:4001-4005/graphql. Prints the supergraph, or the composition errors and exits 1.
// Used by compose-demo.sh (which fetches the SDLs and writes the stored file) and by the gateway test that checks
// the stored file is current, so both compose exactly alike.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";

const subgraphs = [
  ["child-index", 4001],
  ["education", 4002],
  ["early-years", 4003],
  ["social-care", 4004],
  ["voluntary-sector", 4005],
];

const [dir, ...rest] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node compose-demo.mjs SDL_DIR [--out FILE]");
  process.exit(2);
}
const out = rest[0] === "--out" ? rest[1] : null;
const services = subgraphs.map(([name, port]) => {
  const sdl = readFileSync(join(dir, `${name}.graphql`), "utf8");
  return { name, url: `http://127.0.0.1:${port}/graphql`, typeDefs: parse(sdl) };
});
const result = composeServices(services);
if (result.errors) {
  for (const e of result.errors) console.error(`${e.extensions?.code ?? "ERROR"}: ${e.message}`);
  process.exit(1);
}
if (out) writeFileSync(out, result.supergraphSdl); else process.stdout.write(result.supergraphSdl);
