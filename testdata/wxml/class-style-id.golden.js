(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const P = (a) => (typeof a === "function" ? a : () => {});
  const H = {};
  H[""] = (R, C, D, U) => {
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {
        if (C) R.c(N, "static");
      }, (C, T, E, B, F, S, J) => {
        T("s");
      });
      E("view", {}, (N, C) => {
        R.c(N, "item " + Y(D.active));
        R.y(N, "color: " + Y(D.color) + "; width: " + Y(D.size) + "px");
      }, (C, T, E, B, F, S, J) => {
        T("dynamic");
      });
      E("view", {}, (N, C) => {
        R.c(N, D.active);
        R.y(N, "color:" + D.color);
        R.i(N, D.ident);
      }, (C, T, E, B, F, S, J) => {
        T("single");
      });
      E("view", {}, (N, C) => {
        if (C) R.i(N, "fixed");
        if (C) R.c(N, "");
        if (C) R.y(N, "");
      }, (C, T, E, B, F, S, J) => {
        T("empty");
      });
    };
    return { C: children, B: {} };
  };
  return Object.assign((name) => H[name], { _: H });
})()
