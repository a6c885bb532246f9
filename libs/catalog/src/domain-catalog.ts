import { z } from 'zod';
import { CatalogError } from './errors.js';

const Name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case');

export const SubtopicEntry = z.object({ name: Name, systemPrompt: z.string().min(20) });
export type SubtopicEntry = z.infer<typeof SubtopicEntry>;

/** A math domain: its steering system prompt, its subtopics and the seed's instruction temperature. */
export const DomainEntry = z.object({
  name: Name,
  instructionTemperature: z.number().min(0).max(5),
  systemPrompt: z.string().min(20),
  subtopics: z.array(SubtopicEntry).min(1),
});
export type DomainEntry = z.infer<typeof DomainEntry>;

export const DomainsFile = z.object({ $comment: z.string().optional(), domains: z.array(DomainEntry).min(1) });
export type DomainsFile = z.infer<typeof DomainsFile>;

/** Lookup over a validated domains file. */
export class DomainCatalog {
  readonly #byName: ReadonlyMap<string, DomainEntry>;

  constructor(file: DomainsFile) {
    this.#byName = new Map(file.domains.map((d) => [d.name, d]));
  }

  get names(): string[] {
    return [...this.#byName.keys()];
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  /** Throws CatalogError listing the known domains when `name` is unknown. */
  get(name: string): DomainEntry {
    const entry = this.#byName.get(name);
    if (!entry) throw new CatalogError(`unknown domain "${name}"; known domains: ${this.names.join(', ')}`);
    return entry;
  }

  /** Throws CatalogError listing the domain's subtopics when `subtopic` is not one of them. */
  subtopic(domain: string, subtopic: string): SubtopicEntry {
    const d = this.get(domain);
    const entry = d.subtopics.find((s) => s.name === subtopic);
    if (!entry) {
      throw new CatalogError(
        `unknown subtopic "${subtopic}" for ${domain}; known: ${d.subtopics.map((s) => s.name).join(', ')}`,
      );
    }
    return entry;
  }

  all(): DomainEntry[] {
    return [...this.#byName.values()];
  }
}
