import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { Objm, type ObjectStore } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/transport-node';

/** What an object bucket holds under one name. */
export interface StoredObject {
  readonly name: string;
  readonly size: number;
  /** The store's own digest (`SHA-256=<base64url>`). */
  readonly digest: string;
}

export interface ObjectBucketOptions {
  /** Objects older than this are removed; 0 keeps them. */
  readonly maxAgeMs?: number;
  /** Memory storage for throwaway tests; file storage otherwise. */
  readonly storage?: 'file' | 'memory';
}

/**
 * A JetStream object store bucket: large files stored in chunks, read back as a stream. Names may
 * contain any characters (the store encodes them).
 */
export class ObjectBucket {
  readonly #os: ObjectStore;

  private constructor(os: ObjectStore) {
    this.#os = os;
  }

  /** Creates the bucket if needed (idempotent) and binds to it. */
  static async open(nc: NatsConnection, name: string, options: ObjectBucketOptions = {}): Promise<ObjectBucket> {
    const os = await new Objm(nc).create(name, {
      ...(options.maxAgeMs ? { ttl: options.maxAgeMs * 1_000_000 } : {}),
      ...(options.storage === 'memory' ? { storage: 'memory' as const } : {}),
    });
    return new ObjectBucket(os);
  }

  /** Stores a local file under `name`, replacing what was there. */
  async putFile(name: string, path: string): Promise<StoredObject> {
    const stream = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
    const info = await this.#os.put({ name }, stream);
    return { name: info.name, size: info.size, digest: info.digest };
  }

  /** What is stored under `name`, or undefined. */
  async info(name: string): Promise<StoredObject | undefined> {
    const info = await this.#os.info(name);
    if (!info || info.deleted) return undefined;
    return { name: info.name, size: info.size, digest: info.digest };
  }

  /**
   * The object's bytes in the store's chunks, in order, or undefined when nothing is stored under
   * `name`. Throws when the stored digest does not match what was read.
   */
  async read(name: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    const result = await this.#os.get(name);
    if (!result) return undefined;
    const { data, error } = result;
    return {
      async *[Symbol.asyncIterator]() {
        const reader = data.getReader();
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            yield value;
          }
        } finally {
          reader.releaseLock();
        }
        const failure = await error;
        if (failure) throw failure;
      },
    };
  }
}
