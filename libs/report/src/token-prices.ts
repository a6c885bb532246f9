/**
 * What tokens cost, per million, for the report's cost per accepted pair (e.g. a provider's
 * price list, or GPU-hours divided by measured throughput). Unset prices leave cost unreported.
 */
export interface TokenPrices {
  readonly promptPerMillion?: number;
  readonly completionPerMillion?: number;
  /** Shown with the amounts, e.g. `USD`. */
  readonly currency: string;
}
