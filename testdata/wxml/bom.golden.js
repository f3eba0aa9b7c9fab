(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const P = (a) => (typeof a === "function" ? a : () => {});
  const H = {};
  H[""] = (R, C, D, U) => {
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T("BOM is skipped");
      });
    };
    return { C: children, B: {} };
  };
  return Object.assign((name) => H[name], { _: H });
})()
