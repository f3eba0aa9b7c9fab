// Package web is the simulator shell a person looks at: the device frame, the navigation
// bar and the page iframes, plus the HTML each page iframe loads. It is plain HTML, CSS
// and JavaScript, embedded as is.
package web

import (
	"embed"
	"io/fs"
)

//go:embed static
var static embed.FS

// Static returns the shell's files: index.html (the shell), page-frame.html (one page).
func Static() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embedded folder is always there
	}
	return sub
}

// ShellAPIs are the wx.* APIs the shell answers (they need the person at the screen); the
// hub forwards invocations of them to the session's controller.
// TestShellAnswersTheAPIsTheHubForwards (e2e) fails when this list and web/static disagree.
var ShellAPIs = map[string]bool{
	// Routing: the shell owns the page iframes (static/shell.js).
	"navigateTo": true, "redirectTo": true, "navigateBack": true, "switchTab": true, "reLaunch": true,
	// The navigation bar.
	"setNavigationBarTitle": true, "setNavigationBarColor": true,
	"showNavigationBarLoading": true, "hideNavigationBarLoading": true,
	// The page's window behind it (pull-down refresh).
	"setBackgroundColor": true, "setBackgroundTextStyle": true,
	// The tabBar.
	"setTabBarBadge": true, "removeTabBarBadge": true, "showTabBarRedDot": true, "hideTabBarRedDot": true,
	"setTabBarItem": true, "setTabBarStyle": true, "showTabBar": true, "hideTabBar": true,
	// The phone's own UI over the page (static/ui.js).
	"showToast": true, "hideToast": true, "showLoading": true, "hideLoading": true,
	"showModal": true, "showActionSheet": true,
	// The open capabilities' dialogs (static/dialogs.js) and the capsule menu's share items.
	"mpsimDialog": true, "showShareMenu": true, "hideShareMenu": true, "updateShareMenu": true,
	// The simulated phone's hardware and the navigation bar's extras (static/device.js).
	"setClipboardData": true, "getClipboardData": true, "makePhoneCall": true,
	"vibrateShort": true, "vibrateLong": true, "setScreenBrightness": true, "getScreenBrightness": true,
	"addPhoneCalendar": true, "addPhoneRepeatCalendar": true, "addPhoneContact": true,
	"hideHomeButton": true, "enableAlertBeforeUnload": true, "disableAlertBeforeUnload": true,
	// Pictures, videos and files: the computer's file picker, a preview, downloads (static/media.js).
	"chooseImage": true, "chooseMedia": true, "chooseVideo": true, "chooseMessageFile": true,
	"previewImage": true, "previewMedia": true, "saveImageToPhotosAlbum": true, "saveVideoToPhotosAlbum": true,
	// The players of InnerAudioContexts (the service layer has no <audio>).
	"setAudioState": true, "operateAudio": true,
	"saveFileToDisk": true, "openDocument": true, "getVideoInfo": true, "sendSms": true,
	// Leaving the mini-program (wx.exitMiniProgram, navigator open-type="exit").
	"exitMiniProgram": true,
}
