import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text, Button, Input, Switch, CustomWrapper } from '@tarojs/components'
import './index.css'

function Item({ item, onToggle }) {
  return (
    <View className={'item' + (item.done ? ' done' : '')} onClick={() => onToggle(item.id)}>
      <Text className="item-title">{item.title}</Text>
      <Text className="item-state">{item.done ? 'done' : 'open'}</Text>
    </View>
  )
}

// Deep nests views past Taro's template depth, where base.wxml hands the subtree to the
// recursive `comp` component.
function Deep({ depth, label }) {
  if (depth === 0) return <Text className="deep-leaf">{label}</Text>
  return (
    <View className={'deep-' + depth}>
      <Deep depth={depth - 1} label={label} />
    </View>
  )
}

// Wrapped in CustomWrapper, its updates are a setData of the wrapper alone.
function Wrapped({ n, onBump }) {
  return (
    <CustomWrapper>
      <View className="wrapped" onClick={onBump}>
        wrapped {n}
      </View>
    </CustomWrapper>
  )
}

export default function Index() {
  const [count, setCount] = useState(0)
  const [bumps, setBumps] = useState(0)
  const [shows, setShows] = useState(0)
  useDidShow(() => setShows((n) => n + 1))
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
      <Deep depth={24} label={'deep ' + count} />
      <Wrapped n={bumps} onBump={() => setBumps(bumps + 1)} />
      <View className="shows">shown {shows}</View>
      <View className="open-detail" onClick={() => Taro.navigateTo({ url: '/pages/detail/index?id=' + count })}>
        detail
      </View>
      <View className="summary">{items.filter((it) => it.done).length} of {items.length} done</View>
    </View>
  )
}
