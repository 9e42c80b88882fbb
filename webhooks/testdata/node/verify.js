// Verifies captured webhooks with the standardwebhooks library: code we did not write.
// Input (argv[2]): a JSON array of {secret, headers, body}; output: one {ok, error}
// per message, in order. Run by webhooks/node_test.go.
const fs = require("fs");
const { Webhook } = require("standardwebhooks");

const messages = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const results = messages.map(({ secret, headers, body }) => {
  try {
    new Webhook(secret).verify(body, headers);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: String((e && e.message) || e) };
  }
});
process.stdout.write(JSON.stringify(results));
