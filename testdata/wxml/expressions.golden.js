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
        T(C || K || U.a || U.b || U.a || U.b || U.a || U.b || U.a || U.b || U.a || U.b || U.a || U.s || U.a ? Y(D.a + D.b) + " " + Y(D.a - D.b) + " " + Y(D.a * D.b) + " " + Y(D.a / D.b) + " " + Y(D.a % D.b) + " " + Y(-D.a) + " " + Y(+D.s) + " " + Y(- -D.a) : undefined, (N) => bind(["a", "b", "s"], (D, E, T) => T(N, Y(D.a + D.b) + " " + Y(D.a - D.b) + " " + Y(D.a * D.b) + " " + Y(D.a / D.b) + " " + Y(D.a % D.b) + " " + Y(-D.a) + " " + Y(+D.s) + " " + Y(- -D.a))));
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(C || K || U.a || U.b || U.a || U.b || U.a || U.a || U.a || U.a || U.a || U.a ? Y(D.a > D.b) + " " + Y(D.a < D.b) + " " + Y(D.a >= 7) + " " + Y(D.a <= 7) + " " + Y(D.a == "7") + " " + Y(D.a === 7) + " " + Y(D.a != 7) + " " + Y(D.a !== "7") : undefined, (N) => bind(["a", "b"], (D, E, T) => T(N, Y(D.a > D.b) + " " + Y(D.a < D.b) + " " + Y(D.a >= 7) + " " + Y(D.a <= 7) + " " + Y(D.a == "7") + " " + Y(D.a === 7) + " " + Y(D.a != 7) + " " + Y(D.a !== "7"))));
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(C || K || U.t || U.s || U.z || U.t || U.s || U.s || U.missing || U.nil ? Y(D.t && D.s) + " " + Y(D.z || "fallback") + " " + Y(!D.t) + " " + Y(!!D.s) + " " + Y(typeof D.s) + " " + Y(typeof D.missing) + " " + Y(D.nil ?? "default") : undefined, (N) => bind(["missing", "nil", "s", "t", "z"], (D, E, T) => T(N, Y(D.t && D.s) + " " + Y(D.z || "fallback") + " " + Y(!D.t) + " " + Y(!!D.s) + " " + Y(typeof D.s) + " " + Y(typeof D.missing) + " " + Y(D.nil ?? "default"))));
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(C || K || U.t || U.a || (D.a > 5 ? undefined : U.a) || U.a || U.b || U.a || U.b ? Y(D.t ? "yes" : "no") + " " + Y(D.a > 5 ? "big" : D.a > 0 ? "small" : "neg") + " " + Y((D.a + D.b) * 2) + " " + Y(D.a + D.b * 2) : undefined, (N) => bind(["a", "b", "t"], (D, E, T) => T(N, Y(D.t ? "yes" : "no") + " " + Y(D.a > 5 ? "big" : D.a > 0 ? "small" : "neg") + " " + Y((D.a + D.b) * 2) + " " + Y(D.a + D.b * 2))));
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(C || K || U.a || U.b || Z(U.arr, "length") || Z(U.arr, 1) ? Y([D.a, D.b, "c"]) + " " + Y(X(X([1, [2, 3]])[1])[0]) + " " + Y(X(D.arr).length) + " " + Y(X(D.arr)[1]) + " " + Y("AB\t|") + " " + Y("it's") : undefined, (N) => bind(["a", "arr", "b"], (D, E, T) => T(N, Y([D.a, D.b, "c"]) + " " + Y(X(X([1, [2, 3]])[1])[0]) + " " + Y(X(D.arr).length) + " " + Y(X(D.arr)[1]) + " " + Y("AB\t|") + " " + Y("it's"))));
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(C || K ? Y(1500) + " " + Y(31) + " " + Y(0.5) + " " + Y(true) + " " + Y(false) + " " + Y(null) + " " + Y(undefined) + " " + Y(1 + 2 + "3") + " " + Y("1" + 2 + 3) : undefined);
      });
    };
    return { C: children, B: A };
  };
  return Object.assign((name) => H[name], { _: H });
})()
