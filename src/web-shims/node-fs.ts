// Stand-in for `fs` in the web bundle (ADR 013): liquidjs's CommonJS build wraps `stat`,
// `readFile` and `realpath` when it loads but calls them only from its file-system template
// loader, which our engine never uses. Calling one fails as a missing function would.
export {};
