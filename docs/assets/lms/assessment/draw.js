// The questions of one attempt: drawn from the pool and shuffled by a seeded
// generator, so the same seed always gives the same draw (a reload shows the
// same questions in the same order; the seed is stored with the attempt).
// Pure: no DOM, no storage (the tests run it in node and in Chromium).

/** mulberry32: a small, well-mixed 32-bit generator; returns floats in [0, 1). */
export function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(items, random) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Draw `count` questions of `pool` ([{ id, module, choices: [keys], keepOrder }]),
 *  at least `perModule` of each module tested (all of a module's when it has
 *  fewer), in a shuffled order, each with its choices shuffled unless keepOrder.
 *  Returns [{ id, choices }] in the order shown. */
export function drawAttempt(pool, { count = pool.length, perModule = 0, seed }) {
  const random = generator(seed);
  const order = shuffled(pool, random);
  const chosen = new Set();
  if (perModule > 0) {
    const taken = new Map();
    for (const question of order) {
      const n = taken.get(question.module) ?? 0;
      if (question.module && n < perModule && chosen.size < count) (chosen.add(question), taken.set(question.module, n + 1));
    }
  }
  for (const question of order) if (chosen.size < count) chosen.add(question);
  return order.filter((q) => chosen.has(q)).map((q) => ({ id: q.id, choices: q.keepOrder ? [...q.choices] : shuffled(q.choices, random) }));
}

/** A new attempt's seed: 32 random bits. */
export const newSeed = () => crypto.getRandomValues(new Uint32Array(1))[0];
