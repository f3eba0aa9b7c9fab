// wxs.wxml:12:24: error: src "../utils/fmt.wxs" points outside the mini-program
//   11 | </wxs>
// > 12 | <wxs module="fmt" src="../utils/fmt.wxs"/>
//      |                        ^
//   13 | <view>{{m.twice(n)}} {{fmt.money(n)}} {{m.tag}}</view>
