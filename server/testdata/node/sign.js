// Signs a message with the standardwebhooks library: code we did not write, as a
// sender of inbound webhooks would. Input (argv[2]): a JSON {secret, id, timestamp
// (Unix seconds), body}; output: the three headers it makes. Run by
// server/inbound_node_test.go.
const fs = require("fs");
const { Webhook } = require("standardwebhooks");

const { secret, id, timestamp, body } = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const signature = new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
process.stdout.write(
  JSON.stringify({ "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signature }),
);
