(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const P = (a) => (typeof a === "function" ? a : () => {});
  const H = {};
  H[""] = (R, C, D, U) => {
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {
        if (C) R.i(N, "x");
        R.d(N, "id", D.id);
        if (C) R.d(N, "fooBar", "static");
        if (C) R.d(N, "upperCase", "u");
        R.d(N, "userName", X(D.user).name);
        if (C) R.d(N, "flag", true);
        R.d(N, "num", 1);
      }, (C, T, E, B, F, S, J) => {});
    };
    return { C: children, B: {} };
  };
  return Object.assign((name) => H[name], { _: H });
})()
