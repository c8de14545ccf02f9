// Runs the graphql-http server audits (the GraphQL over HTTP specification's conformance checks) against a server.
// Usage: node audit.mjs URL
// Prints one JSON line per audit: {"id","name","status","reason"} with status "ok", "warn" (a SHOULD or MAY that
// failed) or "error" (a MUST that failed); exits 1 when any MUST failed.
import { serverAudits } from "graphql-http";

const url = process.argv[2];
if (!url) {
  console.error("usage: node audit.mjs URL");
  process.exit(2);
}
let mustFailed = 0;
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  if (result.status === "error") mustFailed++;
  console.log(JSON.stringify({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? null }));
}
process.exit(mustFailed > 0 ? 1 : 0);
