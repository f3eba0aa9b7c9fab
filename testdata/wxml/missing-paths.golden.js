(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const P = (a) => (typeof a === "function" ? a : () => {});
  const H = {};
  H[""] = (R, C, D, U) => {
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T("[" + Y(X(X(D.a).b).c) + "] [" + Y(X(X(D.a)[0]).x) + "] [" + Y(X(D.n).x) + "] [" + Y(D.u) + "] [" + Y(X(D.s).length) + "] [" + Y(X(X(D.arr)[0]).x) + "] [" + Y(X(X(D.arr)[5]).x) + "]");
      });
      E("view", {}, (N, C) => {
        R.d(N, "v", X(X(D.a).b).c);
        R.r(N, "title", X(D.a).b);
      }, (C, T, E, B, F, S, J) => {});
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T("[" + Y(P(D.f)(1)) + "] [" + Y(P(X(D.a).f)(1)) + "]");
      });
    };
    return { C: children, B: {} };
  };
  return Object.assign((name) => H[name], { _: H });
})()
