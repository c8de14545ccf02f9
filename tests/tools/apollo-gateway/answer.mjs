// Answers operations with Apollo Gateway, the reference implementation the engine's differential test compares with.
// Usage: node tests/tools/apollo-gateway/answer.mjs < batch.json > answers.json
// Input: {"supergraphs": [{"name", "supergraphSdl", "subgraphBaseUrl", "requests": [{"id", "query", "variables",
// "operationName"}]}]}. Each subgraph <name> of a supergraph is called at <subgraphBaseUrl><name>, with the request's id
// in the "x-request-id" header (so stateful test data, such as call counters, can be kept per request).
// Output: {"<supergraph name>": {"<request id>": {"data"?, "errors"?}}}, each answer as Apollo Server would send it.
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";

const Concurrency = 8;

class TaggedDataSource extends RemoteGraphQLDataSource {
  willSendRequest({ request, context }) {
    request.http.headers.set("x-request-id", String(context.requestId));
  }
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

async function answerAll(supergraph) {
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.supergraphSdl,
    buildService: ({ name }) => new TaggedDataSource({ url: supergraph.subgraphBaseUrl + name, fetcher: fetch }),
    logger: { debug() {}, info() {}, warn() {}, error: console.error },
  });
  const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false, logger: { debug() {}, info() {}, warn() {}, error: console.error } });
  await server.start();
  const answers = {};
  try {
    let next = 0;
    const worker = async () => {
      while (next < supergraph.requests.length) {
        const request = supergraph.requests[next++];
        const response = await server.executeOperation(
          { query: request.query, variables: request.variables ?? undefined, operationName: request.operationName ?? undefined },
          { contextValue: { requestId: request.id } });
        const result = response.body.kind === "single" ? response.body.singleResult : { errors: [{ message: "incremental delivery" }] };
        answers[request.id] = { ...("data" in result ? { data: result.data } : {}), ...(result.errors ? { errors: result.errors } : {}) };
      }
    };
    await Promise.all(Array.from({ length: Concurrency }, worker));
  } finally {
    await server.stop();
  }
  return answers;
}

const batch = await readStdin();
const output = {};
for (const supergraph of batch.supergraphs) {
  output[supergraph.name] = await answerAll(supergraph);
}
process.stdout.write(JSON.stringify(output));
