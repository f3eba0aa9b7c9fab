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
      E("view", {}, (N, C) => {
        if (C) R.i(N, "a");
        if (C) R.r(N, "hidden", true);
        if (C || K || U.on) L(R, N, "disabled", D.on);
        if (C) bind(["on"], (D, E) => { L(R, N, "disabled", D.on); E(N); });
        if (C || K || U.n) L(R, N, "count", D.n);
        if (C) bind(["n"], (D, E) => { L(R, N, "count", D.n); E(N); });
        if (C || K || U.n) L(R, N, "label", "n is " + Y(D.n));
        if (C) bind(["n"], (D, E) => { L(R, N, "label", "n is " + Y(D.n)); E(N); });
      }, (C, T, E, B, F, S, J) => {});
      E("view", {}, (N, C) => {
        if (C) R.i(N, "b");
        if (C) R.r(N, "title", "single \"quoted\"");
        if (C) R.r(N, "unquoted", "plain");
        if (C || K) L(R, N, "literal", "x");
        if (C || K || U.obj) L(R, N, "object", D.obj);
        if (C) bind(["obj"], (D, E) => { L(R, N, "object", D.obj); E(N); });
      }, (C, T, E, B, F, S, J) => {});
      E("view", {}, (N, C) => {
        if (C) R.i(N, "c");
        if (C || K || U.on) L(R, N, "expr", D.on ? "yes" : "no");
        if (C) bind(["on"], (D, E) => { L(R, N, "expr", D.on ? "yes" : "no"); E(N); });
        if (C || K || U.n) L(R, N, "sum", D.n + 1);
        if (C) bind(["n"], (D, E) => { L(R, N, "sum", D.n + 1); E(N); });
        if (C) R.r(N, "empty", "");
      }, (C, T, E, B, F, S, J) => {});
      E("view", {}, (N, C) => {
        if (C) R.i(N, "d");
        if (C) R.r(N, "kebab-case", "1");
        if (C) R.r(N, "camelCase", "2");
        if (C) R.r(N, "under_score", "3");
      }, (C, T, E, B, F, S, J) => {});
    };
    return { C: children, B: A };
  };
  return Object.assign((name) => H[name], { _: H });
})()
