Component({
  behaviors: ['wx://component-export'],
  // selectComponent returns what export() gives, not the instance.
  export() { return { myField: 'exported' } },
})
