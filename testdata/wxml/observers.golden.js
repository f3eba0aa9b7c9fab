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
      E("probe", {}, (N, C) => {
        if (C) R.i(N, "p1");
        if (C || K || U.a) L(R, N, "p", D.a);
        if (C || K || Z(U.b, "c")) L(R, N, "q", X(D.b).c);
      }, (C, T, E, B, F, S, J) => {});
      E("probe", {}, (N, C) => {
        if (C) R.i(N, "p2");
        if (C || K || U.flag || (D.flag ? U.x : U.y)) L(R, N, "p", D.flag ? D.x : D.y);
        if (C) bind(["x", "y"], (D, E) => { L(R, N, "p", D.flag ? D.x : D.y); E(N); });
        if (C || K || U.a) L(R, N, "q", [D.a, 1]);
      }, (C, T, E, B, F, S, J) => {});
      E("probe", {}, (N, C) => {
        if (C) R.i(N, "p3");
        if (C || K || U.a) L(R, N, "p", {k: D.a});
        if (C) R.r(N, "q", "static");
      }, (C, T, E, B, F, S, J) => {});
      F(D.list, null, U ? U.list : undefined, [0, "list"], (C, x1, i1, xu1, iu1, lv1, T, E, B, F, S, J) => {
        E("probe", {}, (N, C) => {
          if (C || K || Z(xu1, "v")) L(R, N, "p", X(x1).v);
          if (C || K || iu1) L(R, N, "q", i1);
        }, (C, T, E, B, F, S, J) => {});
      });
      F(D.list, null, U ? U.list : undefined, [0, "list"], (C, x2, i2, xu2, iu2, lv2, T, E, B, F, S, J) => {
        E("probe", {}, (N, C) => {
          if (C || K || Z(xu2, "v") || U.a) L(R, N, "p", X(x2).v + D.a);
          if (C || K || U.other) L(R, N, "q", D.other);
        }, (C, T, E, B, F, S, J) => {});
      });
      const b3 = D.flag ? 1 : 0;
      B(b3, (C, T, E, B, F, S, J) => {
        if (b3 === 1) {
          E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
            E("probe", {}, (N, C) => {
              if (C || K || U.a) L(R, N, "p", D.a);
              if (C || K || U.b) L(R, N, "q", D.b);
            }, (C, T, E, B, F, S, J) => {});
          });
        }
      });
      E("probe", {}, (N, C) => {
        if (C || K || U.a) L(R, N, "p", D.a);
        if (C || K || U.other) L(R, N, "q", D.other);
        if (C || K || U.a) R.c(N, "c" + Y(D.a));
      }, (C, T, E, B, F, S, J) => {});
    };
    return { C: children, B: A };
  };
  return Object.assign((name) => H[name], { _: H });
})()
