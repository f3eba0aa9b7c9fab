import { useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'

// A second page: its query through useLoad, and navigateBack.
export default function Detail() {
  const [id, setId] = useState('')
  useLoad((options) => setId(options.id || ''))
  return (
    <View className="detail">
      <Text className="detail-id">item {id}</Text>
      <View className="detail-back" onClick={() => Taro.navigateBack()}>back</View>
    </View>
  )
}
