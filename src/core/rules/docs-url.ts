/** Where a rule's page lives inside the package (shipped, so links work offline). */
export function docsUrl(id: string): string {
  return `docs/rules/${id}.md`;
}
