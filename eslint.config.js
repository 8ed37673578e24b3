import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "data/", "coverage/", ".tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // A module's door is its index.ts: other modules never reach into its repo, service or views.
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex:
                "^\\.\\./\\.\\./modules/[^/]+/(?!index\\.js$).+|^\\.\\./(?!demo/)[a-z-]+/(?!index\\.js$)(repo|service|routes|views|phases|table)",
              message: "Import another module through its index.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Islands run in the browser: no server code.
    files: ["src/web/islands/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./\\.\\./(modules|db|http|config)/",
              message: "Islands never import server code.",
            },
          ],
        },
      ],
    },
  },
);
