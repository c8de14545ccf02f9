// Composes subgraph SDLs into an Apollo Federation 2 supergraph with Apollo's reference composition.
// Usage: node compose.mjs name=path/to/schema.graphql=http://url ... [--out supergraph.graphql]
//        Prints the supergraph SDL, or the composition errors (one per line) and exits 1.
// Usage: node compose.mjs --features DIR
//        Composes every DIR/<feature>/subgraphs/*.graphql into DIR/<feature>/supergraph.graphql, each subgraph at
//        http://<name>.test/graphql (the federation engine's conformance cases:
//        node tests/tools/composition/compose.mjs --features tests/ChildInfo.Federation.Tests/Conformance).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";

function compose(services) {
  const result = composeServices(services);
  return result.errors
    ? { errors: result.errors.map(e => `${e.extensions?.code ?? "ERROR"}: ${e.message}`) }
    : { sdl: result.supergraphSdl };
}

function composeFeatures(root) {
  let failed = false;
  for (const feature of readdirSync(root).sort()) {
    const subgraphDir = join(root, feature, "subgraphs");
    if (!existsSync(subgraphDir)) continue;
    const services = readdirSync(subgraphDir).filter(f => f.endsWith(".graphql")).sort().map(file => {
      const name = file.replace(/\.graphql$/, "");
      return { name, url: `http://${name}.test/graphql`, typeDefs: parse(readFileSync(join(subgraphDir, file), "utf8")) };
    });
    const { sdl, errors } = compose(services);
    if (errors) {
      failed = true;
      console.error(`${feature}:\n  ` + errors.join("\n  "));
      continue;
    }
    writeFileSync(join(root, feature, "supergraph.graphql"), sdl + "\n");
    console.log(`${feature}: composed ${services.length} subgraphs`);
  }
  process.exit(failed ? 1 : 0);
}

const args = process.argv.slice(2);
if (args[0] === "--features") {
  composeFeatures(args[1]);
} else {
  let out = null;
  const services = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--out") { out = args[++i]; continue; }
    const [name, file, url] = args[i].split("=");
    services.push({ name, url: url ?? `http://127.0.0.1/${name}`, typeDefs: parse(readFileSync(file, "utf8")) });
  }
  const { sdl, errors } = compose(services);
  if (errors) {
    for (const e of errors) console.error(e);
    process.exit(1);
  }
  if (out) writeFileSync(out, sdl); else process.stdout.write(sdl);
}
