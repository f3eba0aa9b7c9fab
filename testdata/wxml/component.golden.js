(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const P = (a) => (typeof a === "function" ? a : () => {});
  const H = {};
  H[""] = (R, C, D, U) => {
    const children = (C, T, E, B, F, S, J) => {
      E("child-item", {}, (N, C) => {
        if (C) R.i(N, "c");
        R.r(N, "title", D.t);
        R.r(N, "count", D.n);
        if (C) R.c(N, "wrapper");
      }, (C, T, E, B, F, S, J) => {});
      E("child-item", {}, (N, C) => {
        R.r(N, "title", "static " + Y(D.t));
        if (C) R.r(N, "count", "7");
      }, (C, T, E, B, F, S, J) => {});
    };
    return { C: children, B: {} };
  };
  return Object.assign((name) => H[name], { _: H });
})()
