// Namespaced, versioned, fault-tolerant localStorage for the course.
//
// Every *.github.io project site shares one origin (and ~5 MiB), so keys carry
// the course scope and a schema version. Storage may be disabled, full or hold
// anything at all: nothing read back is trusted until `validate` accepts it,
// and no failure here may break a page.

const VERSION = "v1";

function scope() {
  // Material sets __md_scope to the site's base URL on every page.
  const base = typeof __md_scope !== "undefined" ? __md_scope : new URL(".", location);
  return base.pathname.replace(/\/+$/, "") || "/";
}

export const prefix = `lms:${VERSION}:${scope()}:`;

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // access itself throws when storage is disabled
  }
}

/** Read `name`; returns `fallback` unless the stored JSON passes `validate`. */
export function load(name, validate, fallback = null) {
  try {
    const raw = storage()?.getItem(prefix + name);
    if (raw == null) return fallback;
    const value = JSON.parse(raw);
    return validate(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

/** Write `value` as JSON; returns false (never throws) when storage refuses. */
export function save(name, value) {
  try {
    storage()?.setItem(prefix + name, JSON.stringify(value));
    return storage() != null;
  } catch {
    return false; // QuotaExceededError, SecurityError...
  }
}

export function remove(name) {
  try {
    storage()?.removeItem(prefix + name);
  } catch {
    /* nothing to clean up when storage is unavailable */
  }
}

/** Names (without prefix) of this course's keys that start with `start`. */
export function names(start = "") {
  const found = [];
  try {
    const store = storage();
    for (let i = 0; store && i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(prefix + start)) found.push(key.slice(prefix.length));
    }
  } catch {
    /* unavailable storage has no keys */
  }
  return found;
}

/** Call `callback(name)` when another tab changes one of this course's keys. */
export function onExternalChange(callback) {
  window.addEventListener("storage", (event) => {
    if (event.key?.startsWith(prefix)) callback(event.key.slice(prefix.length));
  });
}

/** `load()` called once and its promise kept; after a failure the next call tries again. */
export function once(load) {
  let promise = null;
  return () =>
    (promise ??= load().catch((error) => {
      promise = null;
      throw error;
    }));
}

// Small validators shared by the features.
export const isPlainObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
// The longest module, quiz or reading id; the build refuses longer ones
// (hooks/lms/modules.py MAX_ID_LENGTH, the same number: a test compares them).
export const MAX_ID_LENGTH = 100;
const ID = new RegExp(`^[a-z0-9-]{1,${MAX_ID_LENGTH}}$`);
export const isIdString = (v) => typeof v === "string" && ID.test(v);
