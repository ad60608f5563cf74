"""Test-only LMS for the SCORM packages: scorm-again (from npm, pinned in
package.json, installed into node_modules by the tests) behind harness.html."""
