// A small read-only client of the HCP Terraform / Terraform Enterprise API (JSON:API, /api/v2):
// it sends the token only to the configured address, pages through lists 100 at a time, paces
// itself under the rate limit the API announces (as go-tfe does: 0.66 of X-RateLimit-Limit,
// 30 per second when none is announced), and retries a 429 after X-RateLimit-Reset seconds.

/** What the API or the network refused: one line, never the token. */
export class TfcApiError extends Error {}

export interface JsonApiResource {
  readonly id: string;
  readonly type: string;
  readonly attributes?: Record<string, unknown>;
  readonly relationships?: Record<
    string,
    { data?: { id: string; type: string } | { id: string; type: string }[] | null }
  >;
}

export interface ClientOptions {
  /** The API's address, e.g. https://app.terraform.io (TFE_ADDRESS, else https://<hostname>). */
  readonly address: string;
  readonly token: string;
  /** How many times to retry a 429 before giving up. */
  readonly retries?: number;
}

const DEFAULT_LIMIT = 30;
const PAGE_SIZE = 100;

/** The address the client talks to: TFE_ADDRESS as go-tfe reads it, else https://<hostname>. */
export function apiAddress(env: Readonly<Record<string, string | undefined>>, hostname: string): string {
  const given = env.TFE_ADDRESS;
  const raw = given && given !== "" ? given : `https://${hostname}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TfcApiError(
      `TFE_ADDRESS ${JSON.stringify(raw)} is not a URL: give the full address, e.g. https://tfe.example.com`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TfcApiError(
      `TFE_ADDRESS ${JSON.stringify(raw)} is not an http(s) URL: give the full address, e.g. https://tfe.example.com`,
    );
  }
  return url.origin + url.pathname.replace(/\/$/, "");
}

export class TfcClient {
  /** Requests sent, 429 retries included. */
  requests = 0;
  private readonly origin: string;
  private interval = 1000 / (DEFAULT_LIMIT * 0.66);
  private next = 0;

  constructor(private readonly options: ClientOptions) {
    this.origin = new URL(options.address).origin;
  }

  /** One document: GET <address>/api/v2<path>?<query>. */
  async get(
    path: string,
    query: Record<string, string> = {},
  ): Promise<{ data: unknown; included?: JsonApiResource[]; meta?: Record<string, unknown> }> {
    const url = new URL(`${this.options.address}/api/v2${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    // The token goes to the configured address only, whatever a path or a link says.
    if (url.origin !== this.origin)
      throw new TfcApiError(`refusing to send the token to ${url.origin}: only ${this.origin} gets it`);
    for (let attempt = 0; ; attempt++) {
      await this.pace();
      this.requests++;
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { Authorization: `Bearer ${this.options.token}`, "Content-Type": "application/vnd.api+json" },
        });
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
        throw new TfcApiError(
          `the TFC API at ${this.options.address} cannot be reached (${cause}): check TFE_ADDRESS and the network`,
        );
      }
      const limit = Number(response.headers.get("x-ratelimit-limit"));
      if (limit > 0) this.interval = 1000 / (limit * 0.66);
      if (response.status === 429 && attempt < (this.options.retries ?? 5)) {
        const reset = Number(response.headers.get("x-ratelimit-reset") ?? "1");
        await sleep(Math.max(0, reset) * 1000);
        continue;
      }
      if (response.ok) return (await response.json()) as never;
      throw new TfcApiError(refusal(response.status, url.pathname.replace(/^\/api\/v2/, "")));
    }
  }

  /** Every item of a list, a page of 100 at a time, with what each page included. */
  async all(
    path: string,
    query: Record<string, string> = {},
  ): Promise<{ data: JsonApiResource[]; included: JsonApiResource[] }> {
    const data: JsonApiResource[] = [];
    const included: JsonApiResource[] = [];
    for (let page = 1; ; page++) {
      const doc = await this.get(path, { ...query, "page[number]": String(page), "page[size]": String(PAGE_SIZE) });
      data.push(...(doc.data as JsonApiResource[]));
      included.push(...(doc.included ?? []));
      const pagination = (doc.meta?.pagination ?? {}) as Record<string, unknown>;
      if (!pagination["next-page"]) return { data, included };
    }
  }

  private async pace(): Promise<void> {
    const now = Date.now();
    const wait = this.next - now;
    this.next = Math.max(now, this.next) + this.interval;
    if (wait > 0) await sleep(wait);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a refused request means for the user, by status. */
function refusal(status: number, path: string): string {
  if (status === 401) return "the TFC API refused the token (401): set TFE_TOKEN to a valid user or team token";
  if (status === 403) {
    const needs = path.startsWith("/team-workspaces")
      ? "read access to team access (workspace admin, or an owners or organization token)"
      : path.includes("notification-configurations")
        ? "workspace admin, which reading notification configurations needs"
        : path.includes("varsets") || path.includes("/vars")
          ? "read access to variable sets (manage or read variable sets)"
          : "read access to the workspaces (read runs and state)";
    return `the TFC API refused GET ${path} (403): the token needs ${needs}`;
  }
  if (status === 404)
    return `the TFC API has no ${path} for this token (404): check the organization's name, and that the token can see it`;
  if (status === 429) return `the TFC API kept answering 429 for ${path} (rate limit): try again later`;
  return `the TFC API answered ${status} for GET ${path}`;
}
