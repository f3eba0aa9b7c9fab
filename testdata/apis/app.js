// The app records the events that wx's listeners hear, for the pages to show.
const heard = []
wx.onError((msg) => heard.push('error: ' + String(msg).split('\n')[0]))
wx.onUnhandledRejection((res) => heard.push('rejection: ' + (res.reason && res.reason.message)))
wx.onPageNotFound((res) => heard.push('notFound: ' + res.path))
for (const hook of ['BeforeAppRoute', 'BeforePageLoad', 'AfterPageLoad', 'BeforePageUnload', 'AfterPageUnload']) {
  wx['on' + hook]((res) => heard.push(hook + ' ' + res.path + (res.openType ? ' ' + res.openType : '')))
}
App({ heard })
