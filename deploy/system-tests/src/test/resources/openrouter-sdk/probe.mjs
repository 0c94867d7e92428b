// Drives @openrouter/sdk against the gateway with only serverURL and the key changed. The SDK
// validates every answer against its zod schemas and throws on a mismatch; each call's outcome is
// printed as one JSON line, so the Java test asserts each call on its own.
// Usage: node probe.mjs <sdk-folder> <gateway /api/v1 URL> <api key>
import { pathToFileURL } from "node:url";
import path from "node:path";

const [sdkFolder, serverURL, apiKey] = process.argv.slice(2);
const sdkEntry = path.join(sdkFolder, "node_modules", "@openrouter", "sdk", "esm", "index.js");
const { OpenRouter } = await import(pathToFileURL(sdkEntry).href);
const client = new OpenRouter({ apiKey, serverURL, retryConfig: { strategy: "none" }, timeoutMs: 30000 });
const model = "openai/gpt-4o-mini";

async function probe(call, run) {
  try {
    const details = await run();
    console.log(JSON.stringify({ call, ok: true, ...details }));
  } catch (e) {
    // A chat answer the SDK refused still names its generation, which the last call reads back.
    if (call.startsWith("chat.send") && !generationId && typeof e?.rawValue?.id === "string") {
      generationId = e.rawValue.id;
    }
    const cause = e?.cause ? ` (cause: ${e.cause.message ?? e.cause})` : "";
    const body = e?.rawValue !== undefined ? ` body: ${JSON.stringify(e.rawValue).slice(0, 2000)}` : "";
    console.log(JSON.stringify({ call, ok: false, error: `${e?.name}: ${e?.message}${cause}${body}` }));
  }
}

let generationId = null;

await probe("chat.send", async () => {
  const r = await client.chat.send({ chatRequest: { model, messages: [{ role: "user", content: "Hello from the OpenRouter SDK" }] } });
  generationId = generationId ?? r.id;
  return { id: r.id, model: r.model, content: r.choices[0].message.content, total_tokens: r.usage?.totalTokens };
});

await probe("chat.send stream", async () => {
  const stream = await client.chat.send({ chatRequest: { model, stream: true, messages: [{ role: "user", content: "Stream, please" }] } });
  let text = "";
  let chunks = 0;
  let usage = null;
  for await (const chunk of stream) {
    chunks++;
    text += chunk.choices?.[0]?.delta?.content ?? "";
    if (chunk.usage) usage = chunk.usage;
  }
  return { chunks, content: text, total_tokens: usage?.totalTokens ?? null };
});

await probe("chat.send tools", async () => {
  const r = await client.chat.send({ chatRequest: {
    model,
    messages: [{ role: "user", content: "What is the weather in Paris?" }],
    tools: [{ type: "function", function: { name: "get_weather", description: "The weather of a city",
      parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } }],
  } });
  generationId = generationId ?? r.id;
  return { id: r.id, finish_reason: r.choices[0].finishReason };
});

await probe("models.list", async () => {
  const page = await client.models.list();
  const models = page.result.data;
  return { count: models.length, total_count: page.result.totalCount, ids: models.map((m) => m.id),
    first_prompt_price: models[0]?.pricing?.prompt };
});

await probe("endpoints.list", async () => {
  const r = await client.endpoints.list({ author: "openai", slug: "gpt-4o-mini" });
  return { id: r.data.id, tags: r.data.endpoints.map((e) => e.tag) };
});

await probe("providers.list", async () => {
  const r = await client.providers.list();
  return { slugs: r.data.map((p) => p.slug) };
});

await probe("apiKeys.getCurrentKeyMetadata", async () => {
  const r = await client.apiKeys.getCurrentKeyMetadata();
  return { label: r.data.label, workspace_id: r.data.workspaceId, usage: r.data.usage, limit: r.data.limit,
    regions: r.data.allowedDataRegions };
});

await probe("credits.getCredits", async () => {
  const r = await client.credits.getCredits();
  return { total_credits: r.data.totalCredits, total_usage: r.data.totalUsage };
});

await probe("analytics.getUserActivity", async () => {
  const r = await client.analytics.getUserActivity();
  return { rows: r.data.length, models: r.data.map((a) => a.model) };
});

await probe("generations.getGeneration", async () => {
  if (!generationId) throw new Error("no generation id: chat.send failed");
  const deadline = Date.now() + 60000;
  for (;;) {
    try {
      const r = await client.generations.getGeneration({ id: generationId });
      return { id: r.data.id, model: r.data.model, total_cost: r.data.totalCost, tokens_completion: r.data.tokensCompletion };
    } catch (e) {
      // 404 until billing has booked the usage record.
      if (e?.statusCode !== 404 || Date.now() > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
});
