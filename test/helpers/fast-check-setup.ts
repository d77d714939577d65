/**
 * Property tests explore new random inputs on every developer run; in CI (`CI=true`) they replay
 * one fixed seed, so that a landing is never decided by the luck of a draw. A failure found
 * locally prints its seed and counterexample: add it as a table row. The mutation run
 * (RESTLI_MUTATION, see test/helpers/linear.ts) also fixes the seed and makes 25 runs the default.
 */
import * as fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: 20261122 });
if (process.env.RESTLI_MUTATION === '1') fc.configureGlobal({ seed: 20261122, numRuns: 25 });
