// A minimal LMS for the tests. Query: ?version=1.2|2004&launch=URL&mode=M
//   mode=lms     scorm-again's Scorm12API / Scorm2004API on window (default)
//   mode=broken  an API whose calls all fail or throw (error handling)
//   mode=popup   scorm-again, but the course opens in a new window (opener search)
//   mode=set-throws / set-false  scorm-again, but every SetValue throws / returns "false"
// The previous attempt's data, if any, is window.__lmsSaved (set by the test
// before the page loads); every API call is logged in window.lmsCalls.
(function () {
  const params = new URLSearchParams(location.search);
  const version = params.get("version") === "2004" ? "2004" : "1.2";
  const mode = params.get("mode") || "lms";
  const names = version === "2004"
    ? ["Initialize", "GetValue", "SetValue", "Commit", "Terminate"]
    : ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"];
  const errorName = version === "2004" ? "GetLastError" : "LMSGetLastError";
  window.lmsCalls = [];

  function realApi() {
    const settings = { autocommit: false, logLevel: 5, lmsCommitUrl: false };
    const api = version === "2004" ? new Scorm2004API(settings) : new Scorm12API(settings);
    const saved = window.__lmsSaved;
    if (saved) {
      api.loadFromJSON(saved);
      // As an LMS does: an attempt left with exit "suspend" is resumed.
      if (version === "2004") api.cmi.entry = "resume";
      else api.cmi.core.entry = "resume";
    }
    return api;
  }

  function brokenApi() {
    const fail = () => "false";
    const api = { [errorName]: () => "101" };
    api[version === "2004" ? "GetErrorString" : "LMSGetErrorString"] = () => "General exception";
    names.forEach((name) => (api[name] = fail));
    api[names[0]] = () => "true"; // the session opens, then every call fails
    api[names[1]] = () => { throw new Error("the test LMS exploded"); };
    return api;
  }

  const api = mode === "broken" ? brokenApi() : realApi();
  if (mode === "set-throws") api[names[2]] = () => { throw new Error("the test LMS cannot store anything"); };
  if (mode === "set-false") api[names[2]] = () => "false";
  for (const name of names) {
    const real = api[name].bind(api);
    api[name] = (...args) => {
      let result;
      try {
        result = real(...args);
      } finally {
        window.lmsCalls.push({ name, args, result: String(result), error: String(api[errorName]()) });
      }
      return result;
    };
  }
  window[version === "2004" ? "API_1484_11" : "API"] = api;
  window.lmsApi = api;
  window.lmsState = () => (typeof api.renderCMIToJSONObject === "function" ? api.renderCMIToJSONObject() : null);
  window.lmsFinished = () => window.lmsCalls.some((call) => call.name === names[4]);

  const frame = document.getElementById("sco");
  // How an LMS closes the course: navigate its frame away, or remove the frame.
  window.leave = (how = "navigate") => (how === "remove" ? frame.remove() : (frame.src = "about:blank"));
  if (mode === "popup") {
    window.popup = window.open(params.get("launch"), "course");
    window.leave = () => window.popup.close();
  } else {
    frame.src = params.get("launch");
  }
})();
