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
      E("field", {}, (N, C) => {
        if (C) R.i(N, "f1");
        if (C || K || U.text) R.r(N, "value", D.text, ["text"]);
        if (C) bind(["text"], (D, E) => { R.r(N, "value", D.text, ["text"]); E(N); });
      }, (C, T, E, B, F, S, J) => {});
      E("field", {}, (N, C) => {
        if (C) R.i(N, "f2");
        if (C || K || Z(U.form, "name")) R.r(N, "value", X(D.form).name, ["form", "name"]);
        if (C) bind(["form"], (D, E) => { R.r(N, "value", X(D.form).name, ["form", "name"]); E(N); });
      }, (C, T, E, B, F, S, J) => {});
      F(D.rows, null, U ? U.rows : undefined, [0, "rows"], (C, x1, i1, xu1, iu1, lv1, T, E, B, F, S, J) => {
        E("field", {}, (N, C) => {
          if (C || K || iu1) R.i(N, "row" + Y(i1));
          if (C || K || Z(xu1, "v")) R.r(N, "value", X(x1).v, lv1 && [...lv1, "v"].slice(1));
        }, (C, T, E, B, F, S, J) => {});
      });
      E("text", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(C || K || U.text || Z(U.form, "name") ? Y(D.text) + " / " + Y(X(D.form).name) : undefined, (N) => bind(["form", "text"], (D, E, T) => T(N, Y(D.text) + " / " + Y(X(D.form).name))));
      });
    };
    return { C: children, B: A };
  };
  return Object.assign((name) => H[name], { _: H });
})()
