// error-expressions.wxml:1:14: error: unexpected "}}" in expression: expected an operand
// > 1 | <view>{{ a + }}</view>
//     |              ^
//   2 | <view class="{{ a b }}">{{ (a }}</view>
// error-expressions.wxml:2:19: error: unexpected "b" in expression: expected an operator or "}}"
//   1 | <view>{{ a + }}</view>
// > 2 | <view class="{{ a b }}">{{ (a }}</view>
//     |                   ^
//   3 | <view>{{ 'unterminated }}</view>
// error-expressions.wxml:2:31: error: unexpected "}}" in expression: expected ")"
//   1 | <view>{{ a + }}</view>
// > 2 | <view class="{{ a b }}">{{ (a }}</view>
//     |                               ^
//   3 | <view>{{ 'unterminated }}</view>
// error-expressions.wxml:3:10: error: unterminated string in expression: expected a closing ' on the same line
//   2 | <view class="{{ a b }}">{{ (a }}</view>
// > 3 | <view>{{ 'unterminated }}</view>
//     |          ^
//   4 | <view>{{ a: 1 }} {{ }} {{ @ }}</view>
// error-expressions.wxml:4:18: warning: empty expression {{ }}: it renders as an empty string
//   3 | <view>{{ 'unterminated }}</view>
// > 4 | <view>{{ a: 1 }} {{ }} {{ @ }}</view>
//     |                  ^
//   5 | <view>{{ missing end</view>
// error-expressions.wxml:4:27: error: unexpected character "@" in expression
//   3 | <view>{{ 'unterminated }}</view>
// > 4 | <view>{{ a: 1 }} {{ }} {{ @ }}</view>
//     |                           ^
//   5 | <view>{{ missing end</view>
// error-expressions.wxml:5:7: error: unclosed "{{": expected "}}" to end the expression
//   4 | <view>{{ a: 1 }} {{ }} {{ @ }}</view>
// > 5 | <view>{{ missing end</view>
//     |       ^
//   6 |
