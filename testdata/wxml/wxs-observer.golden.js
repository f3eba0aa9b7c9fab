(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const Z = (a, b) => (a === true ? true : a ? a[b] : undefined);
  const P = (a) => (typeof a === "function" ? a : () => {});
  const Q = { a: (a) => (a.some((x) => x) ? a : undefined), b: (b) => (Object.values(b).some((x) => x) ? b : undefined) };
  const V = (R, N, n, h, f, m, c) => { const b = N.$$, r = (typeof h === "function" && h.__wxs) || null; const w = !!(b && b.wxsListener && b.wxsListener(n, r, f, c)); R.v(N, n, w ? "" : h, f, m, c, true); };
  const M = (R, N, k, v) => { R.d(N, k, v); const b = N.$$; if (b && b.setDataset) b.setDataset(k, v); };
  const L = (R, N, n, v) => { if (typeof N.hasBehavior === "function") { const l = LW.get(N) || LW.set(N, Object.create(null)).get(N); if ((v === null || (typeof v !== "object" && typeof v !== "function")) && n in l && Object.is(l[n], v)) return; l[n] = v; } R.r(N, n, v); };
  const LW = new WeakMap();
  const O = (R, N, n, h) => { const b = N.$$; if (typeof h !== "function") return; R.p(N, n, h.__wxs && b && b.wxsObserver ? (v, o) => b.wxsObserver(h.__wxs, v, o) : h); };
  const H = {};
  let templates;
  const I = (name) => (templates || (templates = Object.assign({}, H)))[name];
  const wxs_h = D("wxs-observer.wxml#h", function (require, exports, module) {
var $wxs = this, getRegExp = $wxs.getRegExp, getDate = $wxs.getDate, console = $wxs.console; var e, ins, old, owner, v; return (function () {

module.exports = { seen: function (v, old, owner, ins) { ins.getState().v = v }, move: function (e, owner) { return false } }

}).call(undefined);
});
  H[""] = (R, C, D, U) => {
    const K = U === true;
    const A = {};
    if (typeof __mpsim !== "undefined" && __mpsim.wxsHooks) { R.setFnFilter(__mpsim.wxsHooks.changeProp); R.setEventListenerWrapper(__mpsim.wxsHooks.event); }
    const bind = (fields, update) => fields.forEach((f) => (A[f] || (A[f] = [])).push(update));
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {
        if (C || K) O(R, N, "prop", X(wxs_h()).seen);
        if (C || K || U.size) L(R, N, "prop", D.size);
        if (C) bind(["size"], (D, E) => { L(R, N, "prop", D.size); E(N); });
        if (C || K) V(R, N, "touchmove", X(wxs_h()).move, false, false, false);
      }, (C, T, E, B, F, S, J) => {
        T(C ? "x" : undefined);
      });
    };
    return { C: children, B: A };
  };
  return Object.assign((name) => H[name], { _: H });
})()
