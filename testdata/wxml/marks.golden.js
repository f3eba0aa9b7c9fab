(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const Z = (a, b) => (a === true ? true : a ? a[b] : undefined);
  const P = (a) => (typeof a === "function" ? a : () => {});
  const Q = { a: (a) => (a.some((x) => x) ? a : undefined), b: (b) => (Object.values(b).some((x) => x) ? b : undefined) };
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
        if (C) R.m(N, "kind", "item");
        if (C || K || U.m) R.m(N, "n", D.m);
        if (C) bind(["m"], (D, E) => { R.m(N, "n", D.m); E(N); });
        if (C || K || U.m) R.d(N, "userId", D.m);
        if (C) bind(["m"], (D, E) => { R.d(N, "userId", D.m); E(N); });
        if (C) R.d(N, "mixedCase", "x");
        if (C || K || U.h) R.r(N, "hidden", D.h);
        if (C) bind(["h"], (D, E) => { R.r(N, "hidden", D.h); E(N); });
      }, (C, T, E, B, F, S, J) => {
        T(C ? "marks" : undefined);
      });
      E("view", {}, (N, C) => {
        if (C) R.r(N, "hidden", true);
      }, (C, T, E, B, F, S, J) => {
        T(C ? "always hidden" : undefined);
      });
    };
    return { C: children, B: A };
  };
  return Object.assign((name) => H[name], { _: H });
})()
