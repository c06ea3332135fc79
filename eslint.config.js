// ESLint for the phone's JavaScript and the node tests (scripts/test.sh runs it; it must be clean).
// eslint's recommended rules: mistakes (undefined names, unused variables, unreachable code), not
// taste. The service worker is a template (webapp/templates/pwa/sw.js): the test command lints
// the script the app serves, build/sw.js.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["static/js/vendor/**", "node_modules/**", ".venv/**", "webapp/**", "build/*", "!build/sw.js"] },
  js.configs.recommended,
  {
    files: ["static/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: ["build/sw.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: { ...globals.serviceworker } },
  },
  {
    files: ["tests/js/**/*.mjs", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
];
