// Drives @openrouter/sdk's management calls against the gateway with a management key, as an
// automation script would. The SDK validates every answer against its zod schemas and throws on a
// mismatch; each call's outcome is printed as one JSON line, so the Java test asserts each on its own.
// Usage: node management-probe.mjs <sdk-folder> <gateway /api/v1 URL> <management key>
//        <other organization's management key> <user id to add as a member> <workspace-service URL>
import { pathToFileURL } from "node:url";
import path from "node:path";

const [sdkFolder, serverURL, managementKey, otherKey, memberUserId, workspaceServiceURL] = process.argv.slice(2);
const sdkEntry = path.join(sdkFolder, "node_modules", "@openrouter", "sdk", "esm", "index.js");
const { OpenRouter } = await import(pathToFileURL(sdkEntry).href);
const options = { serverURL, retryConfig: { strategy: "none" }, timeoutMs: 30000 };
const client = new OpenRouter({ apiKey: managementKey, ...options });
const other = new OpenRouter({ apiKey: otherKey, ...options });
const allowed = "openai/gpt-4o-mini";
const denied = "openai/gpt-4o";
const suffix = Math.random().toString(36).slice(2, 8);

async function probe(call, run) {
  try {
    const details = await run();
    console.log(JSON.stringify({ call, ok: true, ...details }));
    return details;
  } catch (e) {
    const cause = e?.cause ? ` (cause: ${e.cause.message ?? e.cause})` : "";
    const body = e?.rawValue !== undefined ? ` body: ${JSON.stringify(e.rawValue).slice(0, 2000)}`
      : (e?.body ? ` body: ${String(e.body).slice(0, 2000)}` : "");
    console.log(JSON.stringify({ call, ok: false, status: e?.statusCode ?? null,
      error: `${e?.name}: ${e?.message}${cause}${body}` }));
    return null;
  }
}

/** Retries while the services learn a new object from each other's events (guardrail from workspace). */
async function eventually(run, seconds = 45) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      return await run();
    } catch (e) {
      if (Date.now() > deadline || (e?.statusCode !== 404 && e?.statusCode !== 403 && e?.statusCode !== 401)) throw e;
      await new Promise(r => setTimeout(r, 250));
    }
  }
}

async function chat(key, model, content = "hello") {
  const r = await fetch(`${serverURL}/chat/completions`, { method: "POST",
    headers: { "Authorization": `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify({ model, messages: [{ role: "user", content }], max_tokens: 16 }) });
  return r.status;
}

/** A call the SDK has no method for (a field of Atrium's beyond OpenRouter's request), with the management key. */
async function patchWorkspace(id, body) {
  const r = await fetch(`${serverURL}/workspaces/${id}`, { method: "PATCH",
    headers: { "Authorization": `Bearer ${managementKey}`, "Content-Type": "application/json" },
    body: JSON.stringify(body) });
  if (r.status !== 200) throw new Error(`PATCH /workspaces/${id} answered ${r.status}: ${await r.text()}`);
}

const ws = await probe("workspaces.create", async () => {
  const r = await client.workspaces.create({ createWorkspaceRequest: { name: `Team ${suffix}`, slug: `team-${suffix}` } });
  return { id: r.data.id, slug: r.data.slug, name: r.data.name };
});

if (ws) {
  await probe("workspaces.list", async () => {
    const r = await client.workspaces.list({ limit: 100 });
    return { ids: r.result.data.map(w => w.id), total_count: r.result.totalCount };
  });
  await probe("workspaces.get", async () => {
    const r = await client.workspaces.get({ id: ws.id });
    return { id: r.data.id, slug: r.data.slug };
  });
  await probe("workspaces.update", async () => {
    const r = await client.workspaces.update({ id: ws.id, updateWorkspaceRequest: { name: `Team ${suffix} renamed` } });
    return { name: r.data.name };
  });
  await probe("workspaces.bulkAddMembers", async () => {
    const r = await client.workspaces.bulkAddMembers({ id: ws.id,
      bulkAddWorkspaceMembersRequest: { userIds: [memberUserId] } });
    return { added_count: r.addedCount, user_ids: r.data.map(m => m.userId) };
  });
  await probe("workspaces.listMembers", async () => {
    const r = await client.workspaces.listMembers({ id: ws.id });
    const page = r.result ?? r;
    return { user_ids: page.data.map(m => m.userId), roles: page.data.map(m => m.role), total_count: page.totalCount };
  });
  await probe("organization.listMembers", async () => {
    const r = await client.organization.listMembers();
    const page = r.result ?? r.Result ?? r;
    return { roles: page.data.map(m => m.role), emails: page.data.map(m => m.email),
      last_names: page.data.map(m => m.lastName), total_count: page.totalCount };
  });
  await probe("workspaces.setBudget", async () => {
    const r = await eventually(() => client.workspaces.setBudget({ workspaceRef: ws.id, interval: "monthly",
      upsertWorkspaceBudgetRequest: { limitUsd: 5 } }));
    return { limit_usd: r.data.limitUsd, reset_interval: r.data.resetInterval };
  });
  await probe("workspaces.listBudgets", async () => {
    const r = await client.workspaces.listBudgets({ workspaceRef: ws.id });
    return { limits: r.data.map(b => `${b.resetInterval}:${b.limitUsd}`) };
  });

  const key = await probe("apiKeys.create", async () => {
    const r = await client.apiKeys.create({ requestBody: { name: `ci-${suffix}`, workspaceId: ws.id } });
    return { hash: r.data.hash, key: r.key, workspace_id: r.data.workspaceId };
  });
  if (key) {
    await probe("apiKeys.list", async () => {
      const r = await client.apiKeys.list({ workspaceId: ws.id });
      return { hashes: r.data.map(k => k.hash) };
    });
    await probe("apiKeys.get", async () => {
      const r = await client.apiKeys.get({ hash: key.hash });
      return { hash: r.data.hash, name: r.data.name };
    });
    await probe("other organization: apiKeys.get", async () => {
      try { await other.apiKeys.get({ hash: key.hash }); return { status: 200 }; }
      catch (e) { return { status: e?.statusCode ?? null }; }
    });
    await probe("other organization: workspaces.get", async () => {
      try { await other.workspaces.get({ id: ws.id }); return { status: 200 }; }
      catch (e) { return { status: e?.statusCode ?? null }; }
    });

    const guardrail = await probe("guardrails.create", async () => {
      const r = await client.guardrails.create({ createGuardrailRequest: { name: `only-mini-${suffix}`,
        description: "denies every model but the small one, and known secrets",
        allowedModels: [allowed], contentFilterBuiltins: [{ slug: "secrets", action: "block" }],
        allowedDataRegions: ["europe"] } });
      return { id: r.data.id, name: r.data.name, builtins: r.data.contentFilterBuiltins?.map(b => b.slug) ?? [],
        regions: r.data.allowedDataRegions ?? [] };
    });
    await probe("guardrails.create with person-name", async () => {
      try {
        await client.guardrails.create({ createGuardrailRequest: { name: `names-${suffix}`,
          contentFilterBuiltins: [{ slug: "person-name", action: "redact" }] } });
        return { status: 200 };
      } catch (e) { return { status: e?.statusCode ?? null, message: String(e?.body ?? e?.message) }; }
    });
    if (guardrail) {
      await probe("guardrails.bulkAssignKeys", async () => {
        const r = await eventually(() => client.guardrails.bulkAssignKeys({ id: guardrail.id,
          bulkAssignKeysRequest: { keyHashes: [key.hash] } }));
        return { assigned_count: r.assignedCount };
      });
      await probe("minted key: allowed and denied models", async () => {
        // guardrail learns the key and its assignment within a second or so: wait for the allowed model first.
        const deadline = Date.now() + 45000;
        let allowedStatus;
        while ((allowedStatus = await chat(key.key, allowed)) !== 200 && Date.now() < deadline) {
          await new Promise(r => setTimeout(r, 250));
        }
        let deniedStatus;
        const until = Date.now() + 10000;
        while ((deniedStatus = await chat(key.key, denied)) !== 403 && Date.now() < until) {
          await new Promise(r => setTimeout(r, 250));
        }
        const secretStatus = await chat(key.key, allowed, "deploy with AKIAIOSFODNN7EXAMPLE please");
        return { allowed: allowedStatus, denied: deniedStatus, secret: secretStatus };
      });
      await probe("minted key: only endpoints in the allowed data region answer", async () => {
        // allowed_data_regions ["europe"]: of the model's providers only sim-fast is in europe.
        const providers = [];
        for (let i = 0; i < 4; i++) {
          const r = await fetch(`${serverURL}/chat/completions`, { method: "POST",
            headers: { "Authorization": `Bearer ${key.key}`, "Content-Type": "application/json" },
            body: JSON.stringify({ model: allowed, messages: [{ role: "user", content: "hello" }], max_tokens: 8 }) });
          providers.push(r.status === 200 ? (await r.json()).provider : `status ${r.status}`);
        }
        const minted = new OpenRouter({ apiKey: key.key, ...options });
        const regions = (await minted.apiKeys.getCurrentKeyMetadata()).data.allowedDataRegions;
        return { providers, regions };
      });
      await probe("workspaces: default guardrail set, read and removed", async () => {
        await patchWorkspace(ws.id, { default_guardrail_id: guardrail.id });
        const set = (await client.workspaces.get({ id: ws.id })).data.defaultGuardrailId;
        const listed = (await client.workspaces.list({ limit: 100 })).result.data.find(w => w.id === ws.id)
          ?.defaultGuardrailId;
        await patchWorkspace(ws.id, { default_guardrail_id: null });
        const removed = (await client.workspaces.get({ id: ws.id })).data.defaultGuardrailId;
        return { set, listed, removed };
      });
      await probe("guardrails.delete", async () => {
        const r = await client.guardrails.delete({ id: guardrail.id });
        return { deleted: r.deleted };
      });
    }
    await probe("presets: saved twice at workspace-service, read and called", async () => {
      // The SDK reads presets; Atrium saves them at workspace-service (each save a new version).
      const slug = `support-${suffix}`;
      for (const prompt of ["You are terse.", "You are terse and polite."]) {
        const r = await fetch(`${workspaceServiceURL}/api/v1/workspaces/${ws.id}/presets/${slug}`, { method: "PUT",
          headers: { "Authorization": `Bearer ${managementKey}`, "Content-Type": "application/json" },
          body: JSON.stringify({ system_prompt: prompt, model: allowed }) });
        if (r.status !== 200) throw new Error(`saving the preset answered ${r.status}: ${await r.text()}`);
      }
      const got = await client.presets.get({ slug });
      const versions = await client.presets.listVersions({ slug });
      const minted = new OpenRouter({ apiKey: key.key, ...options });
      // The gateway learns the new preset from workspace events (its cached key context is dropped).
      let answer;
      for (const deadline = Date.now() + 15000; ; ) {
        try {
          answer = await minted.chat.send({ chatRequest: { model: `@preset/${slug}`,
            messages: [{ role: "user", content: "hello" }] } });
          break;
        } catch (e) {
          if (Date.now() > deadline) throw e;
          await new Promise(r => setTimeout(r, 250));
        }
      }
      return { designated: got.data.designatedVersion?.version, prompt: got.data.designatedVersion?.systemPrompt,
        versions: versions.result?.data?.map(v => v.version) ?? versions.data?.map(v => v.version),
        model: answer.model };
    });
    await probe("apiKeys.get after its answers", async () => {
      // guardrail settles the minted key's answers from Kafka within seconds: its usage then shows here. The key
      // answered several requests, settled one by one: the listing is compared at a moment the usage read the
      // same before and after it, so a settlement between the two reads is not taken for a difference.
      let r, listed;
      for (const deadline = Date.now() + 20000; ; ) {
        r = await client.apiKeys.get({ hash: key.hash });
        listed = (await client.apiKeys.list({ workspaceId: ws.id })).data.find(k => k.hash === key.hash);
        const after = await client.apiKeys.get({ hash: key.hash });
        const settled = (r.data.usage ?? 0) > 0 && after.data.usage === r.data.usage;
        if ((settled && listed?.usage === r.data.usage) || Date.now() > deadline) break;
        await new Promise(res => setTimeout(res, 250));
      }
      return { usage: r.data.usage, usage_monthly: r.data.usageMonthly, limit_remaining: r.data.limitRemaining,
        byok_usage: r.data.byokUsage, listed_usage: listed?.usage, listed_byok_usage: listed?.byokUsage };
    });
    await probe("apiKeys.delete", async () => {
      const r = await client.apiKeys.delete({ hash: key.hash });
      return { deleted: r.deleted };
    });
  }

  const destination = await probe("observability.create", async () => {
    const r = await client.observability.create({ createObservabilityDestinationRequest: { name: "audit",
      type: "webhook", config: { url: "http://127.0.0.1:9/atrium-audit" }, workspaceId: ws.id } });
    return { id: r.data.id, url: r.data.config.url, type: r.data.type };
  });
  if (destination) {
    await probe("observability.delete", async () => {
      const r = await client.observability.delete({ id: destination.id });
      return { deleted: r.deleted };
    });
  }
  const byok = await probe("byok.create", async () => {
    const r = await client.byok.create({ createBYOKKeyRequest: { provider: "openai", key: "sk-test-byok-123456",
      workspaceId: ws.id } });
    return { id: r.data.id, provider: r.data.provider, label: r.data.label };
  });
  if (byok) {
    await probe("byok.delete", async () => {
      const r = await client.byok.delete({ id: byok.id });
      return { deleted: r.deleted };
    });
  }

  await probe("management key: chat", async () => ({ status: await chat(managementKey, allowed) }));
  await probe("credits.getCredits", async () => {
    const r = await client.credits.getCredits();
    return { total_credits: r.data.totalCredits, total_usage: r.data.totalUsage };
  });
  await probe("analytics.getUserActivity", async () => {
    // billing records usage from Kafka: the test's chat before this script shows up within seconds.
    const deadline = Date.now() + 30000;
    let r;
    while ((r = await client.analytics.getUserActivity()).data.length === 0 && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 500));
    }
    return { rows: r.data.length, models: r.data.map(a => a.model), workspaces: r.data.map(a => a.workspaceId) };
  });

  await probe("workspaces.deleteBudget", async () => {
    const r = await client.workspaces.deleteBudget({ workspaceRef: ws.id, interval: "monthly" });
    return { deleted: r.deleted };
  });
  await probe("workspaces.bulkRemoveMembers", async () => {
    const r = await client.workspaces.bulkRemoveMembers({ id: ws.id,
      bulkRemoveWorkspaceMembersRequest: { userIds: [memberUserId] } });
    return { removed_count: r.removedCount };
  });
  await probe("workspaces.delete", async () => {
    const r = await client.workspaces.delete({ id: ws.id });
    return { deleted: r.deleted };
  });
}
