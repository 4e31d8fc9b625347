// Creates the queues and bucket that shared/fleet.json describes, against the local fauxqs started by stack.sh.
// Uses plain fetch and the SQS JSON protocol so it needs no AWS SDK. Safe to run again: existing resources are
// kept, and a queue whose attributes drifted from fleet.json is brought back in line with SetQueueAttributes.
import { readFile } from "node:fs/promises";

const fleetPath = new URL("../../shared/fleet.json", import.meta.url);
const port = process.env.WORKERS_SQS_PORT ?? "4566";
const endpoint = `http://127.0.0.1:${port}`;
const environment = process.env.WORKERS_ENVIRONMENT || "local";
const region = process.env.AWS_REGION || "us-east-1";

// fauxqs keys queues by region and takes the region from the SigV4 credential scope (us-east-1 when there is
// no Authorization header); send one with the region the workers use so both see the same queues. The
// signature itself is not checked.
const authorization =
  `AWS4-HMAC-SHA256 Credential=test/20250101/${region}/sqs/aws4_request, ` +
  "SignedHeaders=content-type;host;x-amz-target, Signature=0";

class ProvisionError extends Error {}

async function sqs(action, body) {
  let response;
  try {
    response = await fetch(`${endpoint}/`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-amz-json-1.0",
        "X-Amz-Target": `AmazonSQS.${action}`,
        Authorization: authorization,
      },
      body: JSON.stringify(body),
    });
  } catch (err) {
    throw new ProvisionError(`cannot reach fauxqs at ${endpoint} (${err.cause?.code ?? err.message})`);
  }
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    const snippet = text.replace(/\s+/g, " ").slice(0, 160);
    throw new ProvisionError(`${action}: ${endpoint} did not answer like SQS (HTTP ${response.status}): ${snippet}`);
  }
  if (!response.ok) {
    const code = (json.__type ?? `HTTP ${response.status}`).replace(/^.*#/, "");
    const queue = body.QueueName ?? body.QueueUrl ?? "";
    const error = new ProvisionError(`${action} ${queue}: ${code}: ${json.message ?? text}`);
    error.code = code;
    throw error;
  }
  return json;
}

function render(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, key) => {
    if (values[key] === undefined) throw new ProvisionError(`unknown placeholder ${match} in '${template}'`);
    return values[key];
  });
}

// Creates the queue, or makes an existing one match `attributes`. Returns its URL.
async function ensureQueue(name, attributes) {
  try {
    const { QueueUrl } = await sqs("CreateQueue", { QueueName: name, Attributes: attributes });
    return { url: QueueUrl, action: "ok" };
  } catch (err) {
    if (err.code !== "QueueNameExists") throw err;
  }
  const { QueueUrl } = await sqs("GetQueueUrl", { QueueName: name });
  // FifoQueue cannot change after creation; the name's .fifo suffix already fixes it.
  const { FifoQueue, ...settable } = attributes;
  await sqs("SetQueueAttributes", { QueueUrl, Attributes: settable });
  return { url: QueueUrl, action: "updated" };
}

async function main() {
  let fleet;
  try {
    fleet = JSON.parse(await readFile(fleetPath, "utf8"));
  } catch (err) {
    throw new ProvisionError(`cannot read ${fleetPath.pathname}: ${err.message}`);
  }
  const { application, queueNames, bucket, defaults, workers } = fleet;
  if (!application || !queueNames?.queue || !queueNames?.deadLetterQueue || !bucket || !defaults || !workers) {
    throw new ProvisionError(`${fleetPath.pathname} lacks application, queueNames, bucket, defaults or workers`);
  }

  for (const [worker, config] of Object.entries(workers)) {
    const names = { application, environment, worker };

    const dlqName = render(queueNames.deadLetterQueue, names);
    const dlq = await ensureQueue(dlqName, {
      FifoQueue: "true",
      ContentBasedDeduplication: "true",
      MessageRetentionPeriod: String(defaults.deadLetterRetentionSeconds),
    });
    const { Attributes } = await sqs("GetQueueAttributes", { QueueUrl: dlq.url, AttributeNames: ["QueueArn"] });
    const dlqArn = Attributes?.QueueArn;
    if (!dlqArn) throw new ProvisionError(`GetQueueAttributes ${dlqName}: no QueueArn in the answer`);
    console.log(`queue  ${dlqName} (${dlq.action})`);

    const queueName = render(queueNames.queue, names);
    const queue = await ensureQueue(queueName, {
      FifoQueue: "true",
      ContentBasedDeduplication: "true",
      VisibilityTimeout: String(config.visibilityTimeoutSeconds ?? defaults.visibilityTimeoutSeconds),
      MessageRetentionPeriod: String(defaults.messageRetentionSeconds),
      RedrivePolicy: JSON.stringify({
        deadLetterTargetArn: dlqArn,
        maxReceiveCount: config.maxReceiveCount ?? defaults.maxReceiveCount,
      }),
    });
    console.log(`queue  ${queueName} (${queue.action})`);
  }

  const bucketName = render(bucket, { application, environment });
  await ensureBucket(bucketName);
  console.log(`bucket ${bucketName} (ok)`);
}

async function ensureBucket(name) {
  let response;
  try {
    response = await fetch(`${endpoint}/${encodeURIComponent(name)}`, { method: "PUT" });
  } catch (err) {
    throw new ProvisionError(`cannot reach fauxqs at ${endpoint} (${err.cause?.code ?? err.message})`);
  }
  const text = await response.text();
  // fauxqs answers 200 for an existing bucket; real S3 says BucketAlreadyOwnedByYou (409). Both mean done.
  if (response.ok || /BucketAlreadyOwnedByYou|BucketAlreadyExists/.test(text)) return;
  throw new ProvisionError(`CreateBucket ${name}: HTTP ${response.status}: ${text.slice(0, 300)}`);
}

try {
  await main();
} catch (err) {
  console.error(`provision: ${err instanceof ProvisionError ? err.message : err.stack ?? err}`);
  process.exit(1);
}
