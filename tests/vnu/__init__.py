"""The W3C Nu HTML Checker (vnu.jar, from npm's vnu-jar, pinned in package.json
and package-lock.json, installed into node_modules by the tests)."""
