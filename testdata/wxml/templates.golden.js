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
  H["a"] = (R, C, D, U) => {
    const K = U === true;
    const A = {};
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(C || K || U.a || Z(U.b, "c") || U.x ? "template a: " + Y(D.a) + " " + Y(X(D.b).c) + " " + Y(D.x) : undefined);
      });
    };
    return { C: children, B: A };
  };
  H["b"] = (R, C, D, U) => {
    const K = U === true;
    const A = {};
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(C || K || U.a || U.y ? "template b: " + Y(D.a) + " " + Y(D.y) : undefined);
      });
      const t1 = "a";
      B(t1, (C, T, E, B, F, S, J) => {
        const template = I(t1);
        if (t1 && template) template(R, C, {a: "nested"}, K || {}).C(C, T, E, B, F, S, J);
      });
    };
    return { C: children, B: A };
  };
  H[""] = (R, C, D, U) => {
    const K = U === true;
    const A = {};
    const children = (C, T, E, B, F, S, J) => {
      const t1 = "a";
      B(t1, (C, T, E, B, F, S, J) => {
        const template = I(t1);
        if (t1 && template) template(R, C, {a: D.a, b: D.b}, K || (U ? {a: U.a, b: U.b} : {})).C(C, T, E, B, F, S, J);
      });
      const t2 = D.which;
      B(t2, (C, T, E, B, F, S, J) => {
        const template = I(t2);
        if (t2 && template) template(R, C, Object.assign({}, X(D.obj), {a: D.a}), K || (U ? (U.obj) === true || Object.assign({}, X(U.obj), {a: U.a}) : {})).C(C, T, E, B, F, S, J);
      });
      const t3 = "a";
      B(t3, (C, T, E, B, F, S, J) => {
        const template = I(t3);
        if (t3 && template) template(R, C, Object.assign({}, X(D.item)), K || (U ? (U.item) === true || Object.assign({}, X(U.item)) : {})).C(C, T, E, B, F, S, J);
      });
      const t4 = "a";
      B(t4, (C, T, E, B, F, S, J) => {
        const template = I(t4);
        if (t4 && template) template(R, C, "", Object.create(null)).C(C, T, E, B, F, S, J);
      });
      const t5 = "b";
      B(t5, (C, T, E, B, F, S, J) => {
        const template = I(t5);
        if (t5 && template) template(R, C, {a: D.a + 1, y: "lit"}, K || (U ? {a: (U.a ? true : undefined)} : {})).C(C, T, E, B, F, S, J);
      });
      F([1, 2], null, undefined, null, (C, x6, i6, xu6, iu6, lv6, T, E, B, F, S, J) => {
        E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
          const t7 = "a";
          B(t7, (C, T, E, B, F, S, J) => {
            const template = I(t7);
            if (t7 && template) template(R, C, {a: x6}, K || (U ? {a: xu6} : {})).C(C, T, E, B, F, S, J);
          });
        });
      });
    };
    return { C: children, B: A };
  };
  return Object.assign((name) => H[name], { _: H });
})()
