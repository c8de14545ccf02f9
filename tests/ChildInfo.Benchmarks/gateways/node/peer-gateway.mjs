// A peer gateway of the gateways benchmark over the supergraph run.sh composed, in this one process (no worker
// forks, so /proc/PID/stat counts all of its CPU), with in-flight deduplication of subgraph calls off.
// Usage: node peer-gateway.mjs apollo|hive|hive-router SUPERGRAPH_FILE PORT
//   apollo       Apollo Gateway (@apollo/gateway) in Apollo Server (@apollo/server), standalone HTTP server.
//   hive         Hive Gateway (@graphql-hive/gateway's runtime) with its JavaScript query planner.
//   hive-router  Hive Gateway with the Rust query planner (@graphql-hive/router-runtime).
// Prints "ready URL" once it listens.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [kind, supergraphFile, port] = process.argv.slice(2);
if (!["apollo", "hive", "hive-router"].includes(kind) || !supergraphFile || !/^\d+$/.test(port ?? "")) {
  console.error("usage: node peer-gateway.mjs apollo|hive|hive-router SUPERGRAPH_FILE PORT");
  process.exit(2);
}
const supergraphSdl = readFileSync(supergraphFile, "utf8");
const quiet = { debug() {}, info() {}, warn() {}, error: console.error };

if (kind === "apollo") {
  const { ApolloGateway } = await import("@apollo/gateway");
  const { ApolloServer } = await import("@apollo/server");
  const { startStandaloneServer } = await import("@apollo/server/standalone");
  // RemoteGraphQLDataSource sends every subgraph call; Apollo Gateway does not deduplicate them.
  const gateway = new ApolloGateway({ supergraphSdl, logger: quiet });
  const server = new ApolloServer({ gateway, logger: quiet, includeStacktraceInErrorResponses: false });
  // The standalone server answers on every path, /graphql among them.
  await startStandaloneServer(server, { listen: { host: "127.0.0.1", port: Number(port) } });
  console.log(`ready http://127.0.0.1:${port}/graphql`);
} else {
  const { createGatewayRuntime } = await import("@graphql-hive/gateway");
  const extra = kind === "hive-router" ? { unifiedGraphHandler: (await import("@graphql-hive/router-runtime")).unifiedGraphHandler } : {};
  const gateway = createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: false,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: false,
    // Hive deduplicates identical in-flight subgraph calls by default; the benchmark measures every call.
    transportEntries: { "*.http": { options: { deduplicateInflightRequests: false } } },
    ...extra,
  });
  createServer(gateway).listen(Number(port), "127.0.0.1", () => console.log(`ready http://127.0.0.1:${port}/graphql`));
}

// Hive's runtime disposes itself on SIGTERM/SIGINT but leaves the HTTP server holding the process: exit when told to.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => process.exit(0));
}
