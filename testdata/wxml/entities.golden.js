(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const P = (a) => (typeof a === "function" ? a : () => {});
  const H = {};
  H[""] = (R, C, D, U) => {
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T("& < > \" ' [ ] AB © Tom & Jerry &b c");
      });
      E("view", {}, (N, C) => {
        R.r(N, "title", "<" + Y(D.x) + ">");
        if (C) R.r(N, "alt", "\"q\"");
      }, (C, T, E, B, F, S, J) => {
        T(Y(D.x) + " <");
      });
    };
    return { C: children, B: {} };
  };
  return Object.assign((name) => H[name], { _: H });
})()
