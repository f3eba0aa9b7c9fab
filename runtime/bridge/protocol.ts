// The protocol between the layers and the hub (docs/protocol.md). Both the service layer
// and the page layer import this file, so the two sides cannot disagree on a name.

export const Cmd = {
  AppServiceInvoke: 'APPSERVICE_INVOKE',
  AppServiceInvokeCallback: 'APPSERVICE_INVOKE_CALLBACK',
  WebviewInvoke: 'WEBVIEW_INVOKE',
  WebviewInvokeCallback: 'WEBVIEW_INVOKE_CALLBACK',
  AppServicePublish: 'APPSERVICE_PUBLISH',
  WebviewPublish: 'WEBVIEW_PUBLISH',
  AppServiceOnEvent: 'APPSERVICE_ON_EVENT',
  WebviewOnEvent: 'WEBVIEW_ON_EVENT',
  HubError: 'HUB_ERROR',
  // The automation port (miniprogram-automator): a request ({ id, method, params }) to the
  // service layer or the shell, its answer ({ id, result } or { id, error: { message } }),
  // and events ({ method, params }) to the automation client.
  AutomationRequest: 'AUTOMATION_REQUEST',
  AutomationResponse: 'AUTOMATION_RESPONSE',
  AutomationEvent: 'AUTOMATION_EVENT',
} as const

export type Frame = {
  command: string
  data?: any
  webviewID?: number
  fromWebviewID?: number
}

// Event names carried by APPSERVICE_PUBLISH / WEBVIEW_PUBLISH / *_ON_EVENT.
export const Ev = {
  // service -> page: a batch of render operations ({ ops (Op below), ack?, more? }); with
  // ack, the page answers Rendered ({ ack }) once it applied them (setData callbacks,
  // onReady); more: a part of a batch whose rest follows
  VdSync: 'vdSync',
  Rendered: 'rendered',
  // page -> service: a user event on a node ({ id, type, detail, touches, changedTouches })
  PageEvent: 'PAGE_EVENT',
  // page -> service: the page layer is up and wants its tree ({}); sent on every connect
  WebviewReady: 'webviewReady',
  // controller -> service: open a page ({ path, query, webviewId, openType })
  AppRoute: 'onAppRoute',
  // service -> page: measure a node ({ reqId, id, kind: 'rect' | 'scroll' }); the page
  // answers with NodeQueryResult ({ reqId, result }) after applying every earlier batch
  NodeQuery: 'nodeQuery',
  NodeQueryResult: 'nodeQueryResult',
  // service -> page: scroll a node ({ id, left, top, duration }); node 1 is the page
  SetScroll: 'setScroll',
  // service -> page: drawing calls of a <canvas type="2d"> node ({ id, cmds }), replayed
  // on the real canvas in order (runtime/service/canvas.ts, runtime/view/canvas.ts)
  CanvasDraw: 'canvasDraw',
  // service -> page: a bindinput handler returned a value ({ id, typed, value, cursor? }):
  // it replaces the field's text if the field still shows typed, the event's value
  SetInputValue: 'setInputValue',
  // page -> service: the page scrolled ({ scrollTop }), at most once a frame
  PageScroll: 'onPageScroll',
  // page -> service: the page came within onReachBottomDistance of its end ({})
  ReachBottom: 'onReachBottom',
  // controller -> service: a tabBar item was tapped ({ index, pagePath, text }); the page
  // on top, the tab's, hears onTabItemTap
  TabItemTap: 'onTabItemTap',
  // server -> service: saved .wxml/.wxs changed only templates ({ paths, wxs }): load
  // /templates.js and re-render the pages with their data
  TemplatesChanged: 'onTemplatesChanged',
  // controller -> service: an item of the capsule's menu ({ action: 'shareAppMessage' |
  // 'shareTimeline' | 'addToFavorites' }) for the page on top
  MenuAction: 'onMenuAction',
  // server -> service: saved page or component scripts ({ paths: ["pages/a/a.js"] }):
  // load /modules.js and make those pages again where they are
  ScriptsChanged: 'onScriptsChanged',
  // controller -> service: the app goes to the background / comes back ({})
  EnterBackground: 'onAppEnterBackground',
  EnterForeground: 'onAppEnterForeground',
  // page -> service: the person pulled the page down to refresh ({}): onPullDownRefresh
  PullDownRefresh: 'onPullDownRefresh',
  // service -> page: open / close the pull-down refresh (wx.start/stopPullDownRefresh)
  StartPullDownRefresh: 'startPullDownRefresh',
  StopPullDownRefresh: 'stopPullDownRefresh',
  // controller -> service: a page the app tried to open does not exist ({ path, query, isEntryPage })
  PageNotFound: 'onPageNotFound',
  // service -> pages: an error in the app's code ({ message, stack, where }); the hub also
  // logs it and passes it to the session's shell (SHELL_ON_EVENT)
  AppError: 'onAppError',
  // service -> page: watch how much of a node shows ({ obsId, id, relativeId (0: the
  // viewport), margin, thresholds }); the page answers with Intersection ({ obsId, status })
  // at once and whenever the ratio crosses a threshold, until Unobserve ({ obsId })
  Observe: 'observeIntersection',
  Intersection: 'intersection',
  Unobserve: 'unobserveIntersection',
  // page -> service: a WXS ComponentDescriptor's callMethod ({ ownerId, method, args })
  WxsCallMethod: 'wxsCallMethod',
  // service -> page: run an automation function on a node ({ reqId, fn, id, args }); the
  // page answers AutomationResult ({ reqId, result } or { reqId, error })
  AutomationCall: 'automationCall',
  AutomationResult: 'automationResult',
} as const

// Render operations. A batch is one flat array: each operation is its Op followed by its
// arguments, as many as OpArgs says (listed below as [op, args...]). A page of thousands
// of nodes then costs no array per operation to build, encode or decode. Node ids are
// numbers given by the service layer; 1 is the page root.
//
// glass-easel's fragments (a list of nodes on its way into a parent) stay in the service
// layer: the splice that inserts one carries its nodes' ids.
export const enum Op {
  CreateElement = 0, // [op, id, tagName, isComponentHost (0/1)]
  CreateText = 1, // [op, id, text]
  Detach = 2, // [op, id]: take the node out of its parent, if it has one
  AppendChild = 3, // [op, parent, child]
  RemoveChild = 4, // [op, parent, child]
  InsertBefore = 5, // [op, parent, child, before]
  ReplaceChild = 6, // [op, parent, child, oldChild]
  SpliceBefore = 7, // [op, parent, before, deleteCount, [ids]]
  SpliceAppend = 8, // [op, parent, [ids]]
  SpliceRemove = 9, // [op, parent, before, deleteCount]
  SetId = 10, // [op, id, value]
  SetStyle = 11, // [op, id, styleText]
  // [op, id, classNames]: one or more names separated by a space, each already prefixed
  // with its style scope ("scope--name")
  AddClass = 12,
  RemoveClass = 13, // [op, id, className]
  ClearClasses = 14, // [op, id]
  SetAttribute = 15, // [op, id, name, value]
  RemoveAttribute = 16, // [op, id, name]
  SetText = 17, // [op, id, text]
  Release = 18, // [op, id]
  Reset = 19, // [op]: forget every node; a full tree follows
  AddStyleSheet = 20, // [op, index, url]: a compiled .wxss, served by the server
  DisableStyleSheet = 21, // [op, index]
  SetListener = 22, // [op, id, eventType]: the node has a listener for eventType
  // [op, id, eventType, wxsRef | null, flags (1 catch, 2 capture), ownerId, ownerScope]: a
  // WXS function handles eventType on the node, in the page layer (null: no longer)
  SetWxsListener = 23,
  // [op, id, wxsRef, { v: newValue, o: oldValue }, ownerId, ownerScope]: a change:prop
  // observer runs (v or o is absent when undefined)
  WxsObserve = 24,
  SetDataset = 25, // [op, id, key, value]: the node's dataset, which WXS reads in the page
}

// WxsRef names a function a WXS module exports: [module filename, "key" or "a.b"].
export type WxsRef = [string, string]

// OpArgs is the number of arguments of each Op, by its number.
export const OpArgs: readonly number[] = [
  3, 2, 1, 2, 2, 3, 3, 4, 2, 3, // CreateElement .. SpliceRemove
  2, 2, 2, 2, 1, 3, 2, 2, 1, 0, // SetId .. Reset
  2, 1, 2, 6, 5, 3, // AddStyleSheet .. SetDataset
]

export const ROOT_NODE_ID = 1

// A value in a batch of render operations.
export type Wire = number | string | boolean | null | object
export type RenderOps = Wire[]
