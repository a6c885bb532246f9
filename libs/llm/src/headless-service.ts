import { lookup } from 'node:dns/promises';

export interface HeadlessServiceOptions {
  /** A URL whose host is a Kubernetes headless service, e.g. http://vllm-headless.ml:8000/v1. */
  readonly serviceUrl: string;
  /** Called with one base URL per pod address whenever the set changes (and once at start). */
  readonly onChange: (baseUrls: string[]) => void;
  readonly refreshMs: number;
  readonly onError?: (err: unknown) => void;
}

/** Thrown when a headless service name resolves to no address. */
export class NoReplicasError extends Error {
  override readonly name = 'NoReplicasError';
}

/**
 * Expands a headless service into its pods: DNS returns one A/AAAA record per ready pod, each
 * becomes a replica URL with the same scheme, port and path. Re-resolved every `refreshMs`, so
 * pods that come and go (autoscaling, preemption) join and leave the pool.
 */
export class HeadlessServiceResolver {
  readonly #o: HeadlessServiceOptions;
  readonly #url: URL;
  #timer: ReturnType<typeof setInterval> | undefined;
  #last = '';

  constructor(options: HeadlessServiceOptions) {
    this.#o = options;
    this.#url = new URL(options.serviceUrl);
  }

  /** Resolves once (throws NoReplicasError or the DNS error), then keeps refreshing in the background. */
  async start(): Promise<string[]> {
    const urls = await this.resolve();
    this.#emit(urls);
    this.#timer = setInterval(() => {
      this.resolve().then(
        (next) => this.#emit(next),
        (err: unknown) => this.#o.onError?.(err),
      );
    }, this.#o.refreshMs);
    this.#timer.unref();
    return urls;
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** The current replica URLs, sorted so that an unchanged set compares equal. */
  async resolve(): Promise<string[]> {
    const addresses = await lookup(this.#url.hostname, { all: true });
    if (addresses.length === 0) throw new NoReplicasError(`${this.#url.hostname} resolves to no address`);
    return addresses
      .map(({ address, family }) => {
        const replica = new URL(this.#url.href);
        replica.hostname = family === 6 ? `[${address}]` : address;
        return replica.href.replace(/\/$/, '');
      })
      .sort();
  }

  #emit(urls: string[]): void {
    const key = urls.join(',');
    if (key === this.#last) return;
    this.#last = key;
    this.#o.onChange(urls);
  }
}
