Component({ externalClasses: ['my-class'] })
