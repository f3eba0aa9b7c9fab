import { useState } from 'react'
import { View, Text, Button, Input, Switch } from '@tarojs/components'
import './index.css'

function Item({ item, onToggle }) {
  return (
    <View className={'item' + (item.done ? ' done' : '')} onClick={() => onToggle(item.id)}>
      <Text className="item-title">{item.title}</Text>
      <Text className="item-state">{item.done ? 'done' : 'open'}</Text>
    </View>
  )
}

export default function Index() {
  const [count, setCount] = useState(0)
  const [text, setText] = useState('')
  const [on, setOn] = useState(false)
  const [items, setItems] = useState([
    { id: 1, title: 'one', done: false },
    { id: 2, title: 'two', done: false },
  ])
  const toggle = (id) => setItems(items.map((it) => (it.id === id ? { ...it, done: !it.done } : it)))
  const add = () => setItems([...items, { id: items.length + 1, title: 'item ' + (items.length + 1), done: false }])
  return (
    <View className="index">
      <Text className="hello">Hello from Taro</Text>
      <View className="count">{count}</View>
      <Button className="inc" onClick={() => setCount(count + 1)}>increment</Button>
      {count > 2 && <View className="big">more than two</View>}
      <Input className="field" value={text} placeholder="type" onInput={(e) => setText(e.detail.value)} />
      <View className="echo">{text}</View>
      <Switch className="switch" checked={on} onChange={(e) => setOn(e.detail.value)} />
      <View className="switch-state">{on ? 'on' : 'off'}</View>
      <View className="list">
        {items.map((it) => (
          <Item key={it.id} item={it} onToggle={toggle} />
        ))}
      </View>
      <View className="add" onClick={add}>add</View>
      <View className="summary">{items.filter((it) => it.done).length} of {items.length} done</View>
    </View>
  )
}
