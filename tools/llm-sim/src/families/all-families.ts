import { algebraEquationFamilies } from './algebra-equations.js';
import { algebraExponentInequalityFamilies } from './algebra-exponents-inequalities.js';
import { algebraPolynomialFamilies } from './algebra-polynomials.js';
import { calculusDerivativeIntegralFamilies } from './calculus-derivatives-integrals.js';
import { calculusLimitSeriesFamilies } from './calculus-limits-series.js';
import type { RealisticFamily } from './family-types.js';
import { discreteGraphIdentityFamilies } from './discrete-graphs-identities.js';
import { discretePigeonholeFamilies } from './discrete-pigeonhole.js';
import { discreteRecurrenceSetFamilies } from './discrete-recurrences-sets.js';
import { geometryPolygonSolidFamilies } from './geometry-polygons-solids.js';
import { geometryTriangleCircleFamilies } from './geometry-triangles-circles.js';
import { numberTheoryModularDivisorFamilies } from './number-theory-modular-divisors.js';
import { numberTheoryPrimeDigitFamilies } from './number-theory-primes-digits.js';
import { statisticsCountingVarianceFamilies } from './statistics-counting-variance.js';
import { statisticsDataProbabilityFamilies } from './statistics-data-probability.js';

/** Every realistic family; the order is the order recognition tries them in. */
export function allRealisticFamilies(): RealisticFamily[] {
  return [
    ...algebraEquationFamilies(),
    ...algebraPolynomialFamilies(),
    ...algebraExponentInequalityFamilies(),
    ...calculusDerivativeIntegralFamilies(),
    ...calculusLimitSeriesFamilies(),
    ...geometryTriangleCircleFamilies(),
    ...geometryPolygonSolidFamilies(),
    ...statisticsDataProbabilityFamilies(),
    ...statisticsCountingVarianceFamilies(),
    ...numberTheoryModularDivisorFamilies(),
    ...numberTheoryPrimeDigitFamilies(),
    ...discreteGraphIdentityFamilies(),
    ...discreteRecurrenceSetFamilies(),
    ...discretePigeonholeFamilies(),
  ];
}
