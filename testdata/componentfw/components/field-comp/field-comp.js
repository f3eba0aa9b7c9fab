Component({ behaviors: ['wx://form-field'] })
