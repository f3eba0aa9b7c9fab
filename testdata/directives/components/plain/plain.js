Component({
  properties: { text: String },
})
