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
  H[""] = (R, C, D, U) => {
    const K = U === true;
    const A = {};
    if (typeof __mpsim !== "undefined" && __mpsim.wxsHooks) R.setEventListenerWrapper(__mpsim.wxsHooks.event);
    const bind = (fields, update) => fields.forEach((f) => (A[f] || (A[f] = [])).push(update));
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {
        if (C) R.i(N, "v");
        if (C || K || U.n) M(R, N, "n", D.n);
        if (C) bind(["n"], (D, E) => { M(R, N, "n", D.n); E(N); });
        if (C) R.v(N, "tap", "go", false, false, false, false);
        if (C) R.v(N, "longpress", "hold", true, false, false, false);
      }, (C, T, E, B, F, S, J) => {
        T(C || K || U.n ? Y(D.n) : undefined, (N) => bind(["n"], (D, E, T) => T(N, Y(D.n))));
      });
    };
    return { C: children, B: A };
  };
  return Object.assign((name) => H[name], { _: H });
})()
