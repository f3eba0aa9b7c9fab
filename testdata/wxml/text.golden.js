(() => {
  const X = (a) => (a == null ? Object.create(null) : a);
  const Y = (a) => (a == null ? "" : String(a));
  const P = (a) => (typeof a === "function" ? a : () => {});
  const H = {};
  H[""] = (R, C, D, U) => {
    const children = (C, T, E, B, F, S, J) => {
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T("Hello, world");
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T("\n  Indented text keeps its spaces and line breaks.\n");
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {});
      E("text", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T(" a ");
      });
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T("before");
        T("after");
      });
      T("\nplain text at the top level\n");
      E("view", {}, (N, C) => {}, (C, T, E, B, F, S, J) => {
        T("a < b and c > d");
      });
    };
    return { C: children, B: {} };
  };
  return Object.assign((name) => H[name], { _: H });
})()
