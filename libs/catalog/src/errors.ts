/** Thrown when a config file is invalid or a lookup names a model, domain or subtopic the catalog lacks. */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
}
