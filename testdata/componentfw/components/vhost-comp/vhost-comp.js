Component({
  options: { virtualHost: true },
  externalClasses: ['class'],
  properties: { style: String },
})
