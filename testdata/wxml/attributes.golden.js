(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const P = (a) => (typeof a === "function" ? a : () => {});
  const H = {};
  H[""] = (R, C, D, U) => {
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {
        if (C) R.i(N, "a");
        if (C) R.r(N, "hidden", true);
        R.r(N, "disabled", D.on);
        R.r(N, "count", D.n);
        R.r(N, "label", "n is " + Y(D.n));
      }, (C, T, E, B, F, S, J) => {});
      E("view", {}, (N, C) => {
        if (C) R.i(N, "b");
        if (C) R.r(N, "title", "single \"quoted\"");
        if (C) R.r(N, "unquoted", "plain");
        R.r(N, "literal", "x");
        R.r(N, "object", D.obj);
      }, (C, T, E, B, F, S, J) => {});
      E("view", {}, (N, C) => {
        if (C) R.i(N, "c");
        R.r(N, "expr", D.on ? "yes" : "no");
        R.r(N, "sum", D.n + 1);
        if (C) R.r(N, "empty", "");
      }, (C, T, E, B, F, S, J) => {});
      E("view", {}, (N, C) => {
        if (C) R.i(N, "d");
        if (C) R.r(N, "kebab-case", "1");
        if (C) R.r(N, "camelCase", "2");
        if (C) R.r(N, "under_score", "3");
      }, (C, T, E, B, F, S, J) => {});
    };
    return { C: children, B: {} };
  };
  return Object.assign((name) => H[name], { _: H });
})()
