// The feeds module serves /feed.xml and /sitemap.xml (routes.ts, which app.ts wires like every
// module's routes) from the articles module's door. It offers nothing to other modules yet; this
// file is its door all the same, where anything it offers them would go.
export {};
