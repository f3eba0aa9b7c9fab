// unsupported.wxml:8:38: warning: unknown attribute prefix "foo:" in "foo:bar": the attribute is ignored
//   7 | <include src="b.wxml" />
// > 8 | <view model:value="{{v}}" mark:x="1" foo:bar="2" slot="s" bind:="x" />
//     |                                      ^
//   9 |
// unsupported.wxml:8:59: error: missing event name after "bind:"
//   7 | <include src="b.wxml" />
// > 8 | <view model:value="{{v}}" mark:x="1" foo:bar="2" slot="s" bind:="x" />
//     |                                                           ^
//   9 |
