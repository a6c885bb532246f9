import type { DomainCatalog } from '@magpie/catalog';
import type { Rng } from '../rng.js';

/** The topic a steering prompt asks for, as a real model would take it. */
export interface SteeredTopic {
  readonly domain: string;
  readonly subtopic: string | undefined;
}

/** Words beyond a domain's own name that point at it in a system prompt. */
const DOMAIN_WORDS: Readonly<Record<string, readonly string[]>> = {
  algebra: ['algebra', 'equation', 'polynomial', 'quadratic'],
  calculus: ['calculus', 'derivative', 'integral', 'limit'],
  geometry: ['geometry', 'triangle', 'circle', 'polygon'],
  statistics: ['statistics', 'probability', 'expected value', 'variance'],
  number_theory: ['number theory', 'modular', 'prime', 'divisib'],
  discrete: ['discrete', 'graph', 'combinatori', 'recurrence', 'pigeonhole'],
};

function mentions(text: string, words: readonly string[]): number {
  return words.reduce((n, w) => n + (text.includes(w) ? 1 : 0), 0);
}

/**
 * Reads a steering system prompt the way a model does, not by exact match: the catalog prompt of a
 * subtopic or domain, or failing that the domain whose words the text mentions most, and a subtopic
 * whose name it mentions. No system text, or none of the words, gives a domain at random.
 */
export function steerTopic(system: string | undefined, domains: DomainCatalog, rng: Rng): SteeredTopic {
  const all = domains.all();
  if (system !== undefined) {
    for (const domain of all) {
      if (domain.systemPrompt === system) return { domain: domain.name, subtopic: undefined };
      const subtopic = domain.subtopics.find((s) => s.systemPrompt === system);
      if (subtopic) return { domain: domain.name, subtopic: subtopic.name };
    }
    const text = system.toLowerCase();
    const scored = all.map((d) => ({ d, score: mentions(text, DOMAIN_WORDS[d.name] ?? [d.name.replace(/_/g, ' ')]) }));
    const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
    if (best.score > 0) {
      const subtopic = best.d.subtopics.find((s) => text.includes(s.name.replace(/_/g, ' ')));
      return { domain: best.d.name, subtopic: subtopic?.name };
    }
  }
  return { domain: rng.pick(domains.names), subtopic: undefined };
}

/** Domains a model drifts to from each domain, most likely first. */
export const NEIGHBOUR_DOMAINS: Readonly<Record<string, readonly string[]>> = {
  algebra: ['number_theory', 'calculus', 'geometry'],
  calculus: ['algebra', 'geometry', 'statistics'],
  geometry: ['algebra', 'calculus', 'discrete'],
  statistics: ['discrete', 'algebra', 'number_theory'],
  number_theory: ['algebra', 'discrete', 'statistics'],
  discrete: ['statistics', 'number_theory', 'algebra'],
};

/** The domain an off-domain problem comes from: a neighbour of `domain`, nearer ones more often. */
export function driftDomain(domain: string, domains: DomainCatalog, rng: Rng): string {
  const neighbours = (NEIGHBOUR_DOMAINS[domain] ?? []).filter((d) => domains.has(d));
  const others = domains.names.filter((d) => d !== domain);
  if (neighbours.length === 0) return others.length > 0 ? rng.pick(others) : domain;
  const u = rng.next();
  return u < 0.5 ? (neighbours[0] as string) : u < 0.8 ? (neighbours[1] ?? (neighbours[0] as string)) : rng.pick(others);
}
