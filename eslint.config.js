import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * The layers of src/ (docs/architecture.md), from the bottom: `lib` knows nothing of the app;
 * `config`, `db` and the service context (`ctx.ts`) sit on it; modules (`modules/<m>`, each
 * entered only through its `index.ts`) hold the rules; `web` holds the page chrome and views'
 * shared parts; `http` the plugins and the kit route handlers use; `pages` assembles pages from
 * several modules; `jobs` and `cli` drive modules from outside; `app.ts` and `server.ts` compose
 * everything. Islands run in the browser and take only what is marked browser-safe.
 * First match wins: nested folders come before their parents.
 */
const elements = [
  { type: "islands", pattern: "src/web/islands" },
  { type: "web", pattern: "src/web" },
  { type: "module", pattern: "src/modules/*", capture: ["module"] },
  { type: "pages", pattern: "src/pages" },
  { type: "http", pattern: "src/http" },
  { type: "jobs", pattern: "src/jobs" },
  { type: "cli", pattern: "src/cli" },
  { type: "lib", pattern: "src/lib" },
  { type: "db", pattern: "src/db" },
  { type: "config", pattern: "src/config" },
  // Files directly in src/: app.ts and server.ts (the composition root), runtime.ts and ctx.ts.
  { type: "root", pattern: "src" },
].map((e) => ({ ...e, partialMatch: false }));

/** Roles of files inside a module, for the direction routes → service → repo. */
const files = [
  { category: "door", pattern: "src/modules/*/index.ts" },
  // A module's HTTP adapters: routes.tsx, the files of routes/ it registers when it has many, and
  // its other adapters (admin-routes.tsx: its newsroom pages).
  { category: "routes", pattern: "src/modules/*/{routes.{ts,tsx},routes/**,*-routes.{ts,tsx}}" },
  { category: "views", pattern: "src/modules/*/views/**" },
  { category: "repo", pattern: "src/modules/*/repo.ts" },
  { category: "ctx", pattern: "src/ctx.ts" },
  { category: "runtime", pattern: "src/runtime.ts" },
  { category: "composition", pattern: "src/{app,server,serve,prepare}.ts" },
  // Code with no imports of its own, safe to bundle into an island.
  {
    category: "browser-safe",
    pattern: [
      "src/web/urls.ts",
      "src/web/editor-labels.ts",
      "src/web/media-picker-contract.ts",
      "src/web/gif-picker-contract.ts",
      "src/lib/embeds.ts",
    ],
  },
];

const to = (types, extra = {}) => ({ to: { element: { types }, ...extra } });
const door = { element: { type: "module", fileInternalPath: "index.ts" } };
const ctxFile = { element: { type: "root" }, file: { categories: "ctx" } };
const runtimeFile = { element: { type: "root" }, file: { categories: "runtime" } };
const moduleRoutes = {
  element: { type: "module", fileInternalPath: "{routes,*-routes}.{ts,tsx}" },
};
const typesOnly = { dependency: { kind: "type" } };

/** Who may import whom. Anything not allowed here is an error; the last matching policy wins. */
const policies = [
  // Inside one layer, or one module, files use each other (within the limits at the end).
  { allow: { dependency: { relationship: { to: "internal" } } } },
  // Every layer may use lib; lib uses nothing of the app.
  { allow: to("lib") },
  {
    from: { element: { type: "db" } },
    allow: [
      to("config"),
      // The Database type is made of each module's tables, which each module's door exports.
      { to: door, ...typesOnly },
      { to: ctxFile, ...typesOnly },
    ],
  },
  {
    // ctx.ts is the services' context, types only.
    from: ctxFile,
    allow: [
      { ...to(["config", "db"]), ...typesOnly },
      { to: door, ...typesOnly },
    ],
  },
  {
    // runtime.ts opens the storage, migrates and builds the ctx (settings from their module).
    from: runtimeFile,
    allow: [to(["config", "db"]), { to: door }, { to: ctxFile, ...typesOnly }],
  },
  {
    from: { element: { type: "module" } },
    allow: [
      // Another module only through its door.
      { to: door },
      // Services reach the database through ctx.db: from db/ they take types only.
      { to: { element: { type: "db" } }, ...typesOnly },
      { to: ctxFile, ...typesOnly },
      to("web"),
    ],
  },
  {
    // A module's routes are its HTTP adapter: they alone use the kit of http/.
    from: { element: { type: "module" }, file: { categories: "routes" } },
    allow: to("http"),
  },
  // The page chrome names categories (a type of the articles module).
  { from: { element: { type: "web" } }, allow: { to: door, ...typesOnly } },
  {
    from: { element: { type: "islands" } },
    allow: { to: { file: { categories: "browser-safe" } } },
  },
  {
    from: { element: { type: "http" } },
    allow: [
      to(["web", "config"]),
      { to: door },
      { to: ctxFile, ...typesOnly },
      { to: { element: { type: "db" } }, ...typesOnly },
    ],
  },
  {
    from: { element: { type: "pages" } },
    allow: [to(["http", "web"]), { to: door }, { to: ctxFile, ...typesOnly }],
  },
  {
    from: { element: { types: ["jobs", "cli"] } },
    allow: [to(["db", "config", "web"]), { to: door }, { to: ctxFile }, { to: runtimeFile }],
  },
  {
    // The composition root wires everything, each module's routes included.
    from: { element: { type: "root" }, file: { categories: "composition" } },
    allow: [
      to(["config", "db", "http", "pages", "jobs", "web"]),
      { to: door },
      { to: moduleRoutes },
    ],
  },
  // Limits inside a module: routes → service → repo, and views take props.
  {
    from: { element: { type: "module" } },
    disallow: [
      { to: moduleRoutes },
      { to: { element: { type: "module", fileInternalPath: "routes/**" } } },
    ],
    message: "A module's routes are wired by app.ts only.",
  },
  {
    // routes.tsx registers the files of its routes/ folder.
    from: { element: { type: "module" }, file: { categories: "routes" } },
    allow: { to: { element: { type: "module", fileInternalPath: "routes/**" } } },
  },
  {
    from: { element: { type: "module" }, file: { categories: "repo" } },
    disallow: { to: { element: { type: "module", fileInternalPath: "{service.ts,views/**}" } } },
    message: "A repo never calls up into its module's services or views.",
  },
  {
    from: { element: { type: "module" }, file: { categories: "views" } },
    disallow: [
      { to: { file: { categories: "repo" } } },
      {
        to: { element: { type: "module", fileInternalPath: "service.ts" } },
        dependency: { kind: "value" },
      },
    ],
    message: "Views take props: they never query (types from the service are fine).",
  },
];

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
    files: ["src/**/*.{ts,tsx}"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": elements,
      "boundaries/files": files,
      "boundaries/legacy-templates": false,
      // Relative imports name the built `.js`; the resolver finds the `.ts` or `.tsx` behind it.
      "import/resolver": { typescript: { project: "tsconfig.json" } },
    },
    rules: {
      "boundaries/dependencies": ["error", { default: "disallow", checkInternals: true, policies }],
      // Every file of src/ belongs to a layer, and every import of ours resolves to one.
      "boundaries/no-unknown-files": "error",
      "boundaries/no-unknown-dependencies": "error",
    },
  },
);
