/**
 * A small seeded PRNG (mulberry32) with the samplers the demo generator needs. Deterministic
 * by construction: the same seed always yields the same sequence, on every platform.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator for a sub-stream, so one agency's figures do not depend on how many others exist. */
  static derive(seed: number, ...parts: (string | number)[]): Random {
    let h = (seed >>> 0) ^ 0x9e3779b9;
    for (const part of parts) {
      for (const ch of String(part)) {
        h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193);
        h ^= h >>> 15;
      }
      h = Math.imul(h ^ 0x2f, 0x85ebca6b);
    }
    return new Random(h);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median; `spread` is the sigma of the underlying normal. */
  logNormal(median: number, spread: number): number {
    return median * Math.exp(spread * this.normal());
  }

  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n > 60) {
      const draw = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * this.normal());
      return Math.min(n, Math.max(0, draw));
    }
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }

  /** Split `n` into parts drawn with the given (not necessarily normalised) weights. */
  multinomial(n: number, weights: readonly number[]): number[] {
    const parts: number[] = [];
    let remaining = n;
    let weightLeft = weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < weights.length; i++) {
      if (i === weights.length - 1) {
        parts.push(remaining);
        break;
      }
      const k = weightLeft > 0 ? this.binomial(remaining, weights[i] / weightLeft) : 0;
      parts.push(k);
      remaining -= k;
      weightLeft -= weights[i];
    }
    return parts;
  }
}
