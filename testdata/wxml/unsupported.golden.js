// unsupported.wxml:1:2: error: <wxs> is not supported yet
// > 1 | <wxs module="m">var a = "<view>"; module.exports = { a: a };</wxs>
//     |  ^
//   2 | <block wx:if="{{a}}">
// unsupported.wxml:2:2: error: <block> is not supported yet
//   1 | <wxs module="m">var a = "<view>"; module.exports = { a: a };</wxs>
// > 2 | <block wx:if="{{a}}">
//     |  ^
//   3 |   <view wx:for="{{list}}" wx:key="id">{{item}}</view>
// unsupported.wxml:2:8: error: wx:if is not supported yet
//   1 | <wxs module="m">var a = "<view>"; module.exports = { a: a };</wxs>
// > 2 | <block wx:if="{{a}}">
//     |        ^
//   3 |   <view wx:for="{{list}}" wx:key="id">{{item}}</view>
// unsupported.wxml:3:9: error: wx:for is not supported yet
//   2 | <block wx:if="{{a}}">
// > 3 |   <view wx:for="{{list}}" wx:key="id">{{item}}</view>
//     |         ^
//   4 | </block>
// unsupported.wxml:3:27: error: wx:key is not supported yet
//   2 | <block wx:if="{{a}}">
// > 3 |   <view wx:for="{{list}}" wx:key="id">{{item}}</view>
//     |                           ^
//   4 | </block>
// unsupported.wxml:5:2: error: <template> is not supported yet
//   4 | </block>
// > 5 | <template name="t"><slot /></template>
//     |  ^
//   6 | <import src="a.wxml" />
// unsupported.wxml:5:21: error: <slot> is not supported yet
//   4 | </block>
// > 5 | <template name="t"><slot /></template>
//     |                     ^
//   6 | <import src="a.wxml" />
// unsupported.wxml:6:2: error: <import> is not supported yet
//   5 | <template name="t"><slot /></template>
// > 6 | <import src="a.wxml" />
//     |  ^
//   7 | <include src="b.wxml" />
// unsupported.wxml:7:2: error: <include> is not supported yet
//   6 | <import src="a.wxml" />
// > 7 | <include src="b.wxml" />
//     |  ^
//   8 | <view model:value="{{v}}" mark:x="1" foo:bar="2" slot="s" bind:="x" />
// unsupported.wxml:8:7: error: model:value is not supported yet
//   7 | <include src="b.wxml" />
// > 8 | <view model:value="{{v}}" mark:x="1" foo:bar="2" slot="s" bind:="x" />
//     |       ^
//   9 |
// unsupported.wxml:8:27: error: mark:x is not supported yet
//   7 | <include src="b.wxml" />
// > 8 | <view model:value="{{v}}" mark:x="1" foo:bar="2" slot="s" bind:="x" />
//     |                           ^
//   9 |
// unsupported.wxml:8:38: warning: unknown attribute prefix "foo:" in "foo:bar": the attribute is ignored
//   7 | <include src="b.wxml" />
// > 8 | <view model:value="{{v}}" mark:x="1" foo:bar="2" slot="s" bind:="x" />
//     |                                      ^
//   9 |
// unsupported.wxml:8:50: error: the slot attribute is not supported yet
//   7 | <include src="b.wxml" />
// > 8 | <view model:value="{{v}}" mark:x="1" foo:bar="2" slot="s" bind:="x" />
//     |                                                  ^
//   9 |
// unsupported.wxml:8:59: error: missing event name after "bind:"
//   7 | <include src="b.wxml" />
// > 8 | <view model:value="{{v}}" mark:x="1" foo:bar="2" slot="s" bind:="x" />
//     |                                                           ^
//   9 |
