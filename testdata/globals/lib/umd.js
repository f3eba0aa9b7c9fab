// The wrapper webpack puts around a library built as UMD (wxml-to-canvas ships one): it
// passes `window` along, which a phone's logic layer has as an undefined parameter.
(function webpackUniversalModuleDefinition(root, factory) {
  if (typeof exports === 'object' && typeof module === 'object') module.exports = factory()
  else root.umd = factory()
})(window, function () {
  return { answer: 42 }
})
