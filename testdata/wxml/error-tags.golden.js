// error-tags.wxml:3:1: error: closing tag </view> does not match <text> opened on line 2
//   2 |   <text>unclosed
// > 3 | </view>
//     | ^
//   4 | <b></a>
//   hint: close <text> first with </text>, or write it as <text />
// error-tags.wxml:4:1: error: unclosed tag <b>: expected </b> before the end of the file
//   3 | </view>
// > 4 | <b></a>
//     | ^
//   5 | </stray>
// error-tags.wxml:4:4: error: closing tag </a> does not match <b> opened on line 4
//   3 | </view>
// > 4 | <b></a>
//     |    ^
//   5 | </stray>
//   hint: close <b> first with </b>, or write it as <b />
// error-tags.wxml:5:1: error: closing tag </stray> does not match <b> opened on line 4
//   4 | <b></a>
// > 5 | </stray>
//     | ^
//   6 | <image src="a.png" alt=>
//   hint: close <b> first with </b>, or write it as <b />
// error-tags.wxml:6:1: error: unclosed tag <image>: expected </image> before the end of the file
//   5 | </stray>
// > 6 | <image src="a.png" alt=>
//     | ^
//   7 |
// error-tags.wxml:6:24: error: missing value for attribute "alt" after "="
//   5 | </stray>
// > 6 | <image src="a.png" alt=>
//     |                        ^
//   7 |
