// The resolve hook of served.mjs: a module under static/ is read from the served copy instead.
let source, directory;

export function initialize(data) {
  ({ source, directory } = data);
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith(source)) return { ...resolved, url: directory + resolved.url.slice(source.length) };
  return resolved;
}
