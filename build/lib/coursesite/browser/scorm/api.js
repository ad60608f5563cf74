// Finding the LMS's SCORM API and calling it so that nothing can break the page.
//
// The search is ADL's: the window itself, then each parent frame up to the
// top, then the same from the opener of the top window (an LMS that opens
// the course in a new window). SCORM 1.2 names the object `API`, SCORM 2004
// `API_1484_11`.
//
// Every call is wrapped: a failure is never thrown, and is logged with
// console.warn and a clear prefix. Warn, not error: the learner's page keeps
// working, a failed LMS call is something for the LMS administrator to read,
// and the browser tests keep failing on real script errors (console.error)
// only. Failed writes (SetValue, Commit, Terminate) are not logged here but
// kept in `problem`: the session retries them, and says so once (session.js).

const PREFIX = "[course SCORM]";
const MAX_FRAMES = 500; // ADL's bound on how far up the frames to search

const METHODS = {
  "1.2": { initialize: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish", error: "LMSGetLastError", text: "LMSGetErrorString" },
  2004: { initialize: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate", error: "GetLastError", text: "GetErrorString" },
};
// GetValue of an element the LMS holds no value for yet: normal, not worth a warning.
const NOT_SET = new Set(["403"]);
const WRITES = new Set(["set", "commit", "finish"]);

export const warn = (...parts) => console.warn(PREFIX, ...parts);

function searchUp(win, name) {
  for (let depth = 0; win && depth < MAX_FRAMES; depth++) {
    try {
      if (win[name]) return win[name];
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    } catch {
      return null; // a frame of another origin cannot be read: the search ends there
    }
  }
  return null;
}

/** The API object named `name`, or null. */
export function findApi(name, start = window) {
  const found = searchUp(start, name);
  if (found) return found;
  try {
    const opener = start.top.opener;
    return opener ? searchUp(opener, name) : null;
  } catch {
    return null;
  }
}

function describe(api, names) {
  try {
    const code = String(api[names.error]());
    return { code, text: code === "0" ? "" : String(api[names.text](code)) };
  } catch {
    return { code: "?", text: "the LMS did not say why" };
  }
}

/** A safe client for the LMS of `version` ("1.2" or "2004"), or null when there is none. */
export function connect(version, start = window) {
  const names = METHODS[version];
  const api = names ? findApi(version === "2004" ? "API_1484_11" : "API", start) : null;
  if (!api) return null;

  let problem = ""; // what the last failed write was
  function call(method, args) {
    const label = `${names[method]}(${args.map((a) => JSON.stringify(a)).join(", ")})`;
    try {
      const result = api[names[method]](...args);
      if (method === "get") {
        const { code, text } = describe(api, names);
        if (code !== "0" && code !== "" && !NOT_SET.has(code)) warn(`${label} failed: ${code} ${text}`);
        return result == null ? "" : String(result);
      }
      if (String(result) === "true") return true;
      const { code, text } = describe(api, names);
      if (WRITES.has(method)) problem = `${label} failed: ${code} ${text}`;
      else warn(`${label} failed: ${code} ${text}`);
    } catch (error) {
      if (WRITES.has(method)) problem = `${label} threw: ${error}`;
      else warn(`${label} threw:`, error);
    }
    return method === "get" ? "" : false;
  }

  return {
    version,
    get problem() {
      return problem;
    },
    initialize: () => call("initialize", [""]),
    get: (element) => call("get", [element]),
    set: (element, value) => call("set", [element, String(value)]),
    commit: () => call("commit", [""]),
    finish: () => call("finish", [""]),
  };
}
