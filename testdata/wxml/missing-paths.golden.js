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
    const bind = (fields, update) => fields.forEach((f) => (A[f] || (A[f] = [])).push(update));
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(C || K || Z(Z(U.a, "b"), "c") || Z(Z(U.a, 0), "x") || Z(U.n, "x") || U.u || Z(U.s, "length") || Z(Z(U.arr, 0), "x") || Z(Z(U.arr, 5), "x") ? "[" + Y(X(X(D.a).b).c) + "] [" + Y(X(X(D.a)[0]).x) + "] [" + Y(X(D.n).x) + "] [" + Y(D.u) + "] [" + Y(X(D.s).length) + "] [" + Y(X(X(D.arr)[0]).x) + "] [" + Y(X(X(D.arr)[5]).x) + "]" : undefined, (N) => bind(["a", "arr", "n", "s", "u"], (D, E, T) => T(N, "[" + Y(X(X(D.a).b).c) + "] [" + Y(X(X(D.a)[0]).x) + "] [" + Y(X(D.n).x) + "] [" + Y(D.u) + "] [" + Y(X(D.s).length) + "] [" + Y(X(X(D.arr)[0]).x) + "] [" + Y(X(X(D.arr)[5]).x) + "]")));
      });
      E("view", {}, (N, C) => {
        if (C || K || Z(Z(U.a, "b"), "c")) M(R, N, "v", X(X(D.a).b).c);
        if (C) bind(["a"], (D, E) => { M(R, N, "v", X(X(D.a).b).c); E(N); });
        if (C || K || Z(U.a, "b")) L(R, N, "title", X(D.a).b);
        if (C) bind(["a"], (D, E) => { L(R, N, "title", X(D.a).b); E(N); });
      }, (C, T, E, B, F, S, J) => {});
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(C || K || U.f || Z(U.a, "f") ? "[" + Y(P(D.f)(1)) + "] [" + Y(P(X(D.a).f)(1)) + "]" : undefined, (N) => bind(["a", "f"], (D, E, T) => T(N, "[" + Y(P(D.f)(1)) + "] [" + Y(P(X(D.a).f)(1)) + "]")));
      });
    };
    return { C: children, B: A };
  };
  return Object.assign((name) => H[name], { _: H });
})()
