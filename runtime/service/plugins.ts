// Plugins (app.json's "plugins") are code WeChat's servers hand to a mini-program whose
// AppID has added them; the simulator reaches no such server. requirePlugin therefore gives
// an object with no exports, and says so once per plugin and once per export asked for,
// so the page that calls it still loads and the developer sees why a call fails.
export function makeRequirePlugin(warn: (message: string) => void): (name: unknown) => object {
  const plugins = new Map<string, object>()
  return (name) => {
    const key = String(name)
    let plugin = plugins.get(key)
    if (!plugin) {
      warn(`requirePlugin('${key}'): mpsim runs no plugins (their code comes from WeChat's servers); it gives an object with no exports`)
      const asked = new Set<string>()
      plugin = new Proxy(Object.create(null), {
        get(_target, prop) {
          // `then` is asked by await and Promise.resolve: the object is no promise.
          if (typeof prop === 'string' && prop !== 'then' && !asked.has(prop)) {
            asked.add(prop)
            warn(`plugin '${key}' has no '${prop}' in the simulator: mpsim runs no plugins`)
          }
          return undefined
        },
      })
      plugins.set(key, plugin)
    }
    return plugin
  }
}
