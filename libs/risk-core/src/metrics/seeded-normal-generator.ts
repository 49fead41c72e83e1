/**
 * Deterministic standard-normal stream: xoshiro128** (Blackman & Vigna, 2018) for uniforms, seeded through SplitMix32
 * so every 32-bit seed gives a well-mixed, non-zero state, and Box–Muller for normals. Same seed ⇒ same sequence on
 * every platform (only 32-bit integer ops and IEEE doubles).
 */
export class SeededNormalGenerator {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    this.reseed(seed);
  }

  reseed(seed: number): void {
    if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
    let state = seed >>> 0;
    const splitMix = (): number => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = splitMix();
    this.s1 = splitMix();
    this.s2 = splitMix();
    this.s3 = splitMix();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
    this.hasSpare = false;
  }

  /** Sets the raw 128-bit state (not all zero); for reproducing published test vectors. */
  setState(s0: number, s1: number, s2: number, s3: number): void {
    if (((s0 | s1 | s2 | s3) >>> 0) === 0) throw new Error('xoshiro128** state must not be all zero');
    this.s0 = s0 >>> 0;
    this.s1 = s1 >>> 0;
    this.s2 = s2 >>> 0;
    this.s3 = s3 >>> 0;
    this.hasSpare = false;
  }

  /** Next 32-bit output of xoshiro128**. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in the open interval (0, 1) with 53 random bits, so log() below never sees 0. */
  nextUniform(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low + 0.5) / 9007199254740992;
  }

  /** Next N(0, 1) draw; Box–Muller yields two per pair of uniforms, the second is kept for the next call. */
  nextNormal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const radius = Math.sqrt(-2 * Math.log(this.nextUniform()));
    const angle = 2 * Math.PI * this.nextUniform();
    this.spare = radius * Math.sin(angle);
    this.hasSpare = true;
    return radius * Math.cos(angle);
  }
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));
